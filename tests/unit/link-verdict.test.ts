import { describe, expect, it } from 'vitest';
import { type LinkFacts, readLinkTiming, xmlField } from '@/utils/link-facts';
import { describeOffset, type LinkProbe, linkVerdict, type VerdictKind } from '@/utils/link-verdict';

// The verdict on a tested link, from every status and S3 error code the tester can meet. `now` is this computer's
// time when the answer came; the answer's Date header is the store's.

const NOW = new Date('2026-11-29T12:00:00Z');
const facts: LinkFacts = {
  bucket: 'photos',
  key: 'a/cat.jpg',
  signedAt: new Date('2026-11-29T11:30:00Z'),
  expiresAt: new Date('2026-11-29T12:30:00Z'),
  region: 'us-east-1',
};
const date = (at: Date): string => at.toUTCString();

function error(
  status: number,
  code: string,
  message = '',
  extra = '',
  headers: Record<string, string> = {},
): LinkProbe {
  return {
    kind: 'response',
    status,
    headers: { date: date(NOW), 'content-type': 'application/xml', ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>X</RequestId></Error>`,
  };
}

describe('linkVerdict', () => {
  it.each<[string, LinkProbe, VerdictKind, RegExp]>([
    [
      '206 with Content-Range',
      {
        kind: 'response',
        status: 206,
        headers: { date: date(NOW), 'content-range': 'bytes 0-0/2048', 'content-type': 'image/jpeg' },
        body: '',
      },
      'works',
      /^Works: 2,048 bytes, image\/jpeg\.$/,
    ],
    [
      '200 (Range ignored) with Content-Length',
      {
        kind: 'response',
        status: 200,
        headers: { date: date(NOW), 'content-length': '5', 'content-type': 'text/plain' },
        body: '',
      },
      'works',
      /^Works: 5 bytes, text\/plain\.$/,
    ],
    [
      '416 InvalidRange without Content-Range for an empty object (radosgw)',
      error(416, 'InvalidRange'),
      'works',
      /^Works: 0 bytes\.$/,
    ],
    [
      '416 InvalidRange naming <ActualObjectSize> (AWS)',
      error(
        416,
        'InvalidRange',
        'The requested range is not satisfiable',
        '<ActualObjectSize>0</ActualObjectSize>',
      ),
      'works',
      /^Works: 0 bytes\.$/,
    ],
    [
      '206 whose Content-Range and Date a CORS rule hides (Content-Length is the range’s)',
      {
        kind: 'response',
        status: 206,
        headers: { 'content-length': '1', 'content-type': 'image/jpeg' },
        body: '',
      },
      'works',
      /^Works: image\/jpeg\. .*grant S3 Presign access to the endpoint, or add them to the bucket’s CORS ExposeHeaders/,
    ],
    [
      '403 AccessDenied naming kms:Decrypt',
      error(
        403,
        'AccessDenied',
        'User: arn:aws:iam::1:user/x is not authorized to perform: kms:Decrypt on the resource associated with this ciphertext',
      ),
      'no-permission',
      /kms:Decrypt on that key/,
    ],
    [
      '403 InvalidObjectState (archived, not restored)',
      error(403, 'InvalidObjectState', "The operation is not valid for the object's storage class"),
      'other',
      /restore it first.*\(InvalidObjectState, HTTP 403\)/,
    ],
    ['403 AllAccessDisabled', error(403, 'AllAccessDisabled'), 'other', /disabled.*AllAccessDisabled/],
    ['403 AccountProblem', error(403, 'AccountProblem'), 'other', /account.*AccountProblem/],
    [
      '403 with a code the tester does not know',
      error(403, 'MethodNotAllowedHere', 'Nope'),
      'other',
      /^The store refused the link: Nope \(MethodNotAllowedHere, HTTP 403\)$/,
    ],
    ['403 AccessDenied', error(403, 'AccessDenied', 'Access Denied'), 'no-permission', /s3:GetObject/],
    [
      '403 AccessDenied, empty message (radosgw)',
      error(403, 'AccessDenied'),
      'no-permission',
      /No permission/,
    ],
    [
      '404 NoSuchKey',
      error(404, 'NoSuchKey', 'The specified key does not exist.'),
      'not-found',
      /“a\/cat\.jpg”/,
    ],
    ['404 NoSuchVersion', error(404, 'NoSuchVersion'), 'not-found', /with this version/],
    ['404 NoSuchBucket', error(404, 'NoSuchBucket'), 'not-found', /no bucket “photos”/],
    [
      '404 without a body',
      { kind: 'response', status: 404, headers: {}, body: '' },
      'not-found',
      /Not found/,
    ],
    [
      '403 Request has expired',
      error(403, 'AccessDenied', 'Request has expired'),
      'expired',
      /^Expired: the link stopped working/,
    ],
    [
      '403 ExpiredToken',
      error(400, 'ExpiredToken', 'The provided token has expired.'),
      'expired',
      /temporary credentials/,
    ],
    [
      '301 PermanentRedirect with x-amz-bucket-region',
      error(
        301,
        'PermanentRedirect',
        'The bucket you are attempting to access must be addressed using the specified endpoint.',
        '<Endpoint>photos.s3.eu-west-1.amazonaws.com</Endpoint>',
        { 'x-amz-bucket-region': 'eu-west-1' },
      ),
      'wrong-region',
      /is in eu-west-1, but the link was signed for us-east-1/,
    ],
    [
      '400 AuthorizationHeaderMalformed with <Region>',
      error(
        400,
        'AuthorizationHeaderMalformed',
        "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'ap-south-1'",
        '<Region>ap-south-1</Region>',
      ),
      'wrong-region',
      /ap-south-1/,
    ],
    [
      '400 AuthorizationQueryParametersError naming the region in its message only',
      error(
        400,
        'AuthorizationQueryParametersError',
        "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-central-1'",
      ),
      'wrong-region',
      /eu-central-1/,
    ],
    [
      '403 RequestTimeTooSkewed with ServerTime and RequestTime',
      error(
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
        '<RequestTime>20261129T120000Z</RequestTime><ServerTime>2026-11-29T12:20:00Z</ServerTime>',
      ),
      'clock-skew',
      /20 minutes behind/,
    ],
    [
      '403 AccessDenied while the store’s Date is 2 hours ahead (link looks expired to the store)',
      {
        ...(error(403, 'AccessDenied', 'Request has expired') as Extract<LinkProbe, { kind: 'response' }>),
        headers: { date: date(new Date(NOW.getTime() + 2 * 3_600_000)) },
      },
      'clock-skew',
      /2 hours behind/,
    ],
    ['403 SignatureDoesNotMatch', error(403, 'SignatureDoesNotMatch'), 'signature-mismatch', /secret key/],
    ['403 InvalidAccessKeyId', error(403, 'InvalidAccessKeyId'), 'unknown-key', /does not know the key/],
    [
      '503 SlowDown',
      error(503, 'SlowDown', 'Please reduce your request rate.'),
      'other',
      /503 SlowDown.*try again/,
    ],
    [
      '400 InvalidArgument',
      error(400, 'InvalidArgument', 'Bad thing'),
      'other',
      /400 InvalidArgument: Bad thing\.$/,
    ],
    [
      'fetch threw',
      { kind: 'network', message: 'Failed to fetch' },
      'network',
      /Could not reach the store \(Failed to fetch\).*CORS/,
    ],
    [
      'an upload link',
      { kind: 'untestable', method: 'PUT' },
      'untestable',
      /^An upload link cannot be tested without uploading/,
    ],
  ])('%s → %s', (_name, probe, kind, text) => {
    const verdict = linkVerdict(probe, facts, NOW);
    expect(verdict.kind).toBe(kind);
    expect(verdict.ok).toBe(kind === 'works');
    expect(verdict.text).toMatch(text);
  });

  it('gives the size and content type of a working link as data too', () => {
    const verdict = linkVerdict(
      {
        kind: 'response',
        status: 206,
        headers: { 'content-range': 'bytes 0-0/1234', 'content-type': 'text/csv' },
        body: '',
      },
      facts,
      NOW,
    );
    expect(verdict).toMatchObject({ size: 1234, contentType: 'text/csv' });
  });

  it('names the region of a wrong-region verdict, for "Use REGION and sign again"', () => {
    const verdict = linkVerdict(
      error(301, 'PermanentRedirect', '', '', { 'x-amz-bucket-region': 'eu-west-1' }),
      facts,
      NOW,
    );
    expect(verdict.region).toBe('eu-west-1');
  });

  it('calls a redirect for the region the link was signed for an endpoint problem, with no region to switch to', () => {
    const verdict = linkVerdict(
      error(301, 'PermanentRedirect', '', '<Endpoint>photos.s3.us-east-1.amazonaws.com</Endpoint>', {
        'x-amz-bucket-region': 'us-east-1',
      }),
      facts,
      NOW,
    );
    expect(verdict.kind).toBe('wrong-region');
    expect(verdict.region).toBeUndefined();
    expect(verdict.text).toMatch(/^Wrong endpoint: .*addressed at photos\.s3\.us-east-1\.amazonaws\.com/);
  });

  it('says when the store did not name the region', () => {
    const verdict = linkVerdict(error(301, 'PermanentRedirect'), facts, NOW);
    expect(verdict).toMatchObject({ kind: 'wrong-region' });
    expect(verdict.region).toBeUndefined();
    expect(verdict.text).toMatch(/did not say which/);
  });

  it('warns about a skewed clock on a link that works, with the offset', () => {
    const ahead = new Date(NOW.getTime() + 7 * 60_000);
    const verdict = linkVerdict(
      {
        kind: 'response',
        status: 206,
        headers: { date: date(ahead), 'content-range': 'bytes 0-0/1' },
        body: '',
      },
      facts,
      NOW,
    );
    expect(verdict.kind).toBe('works');
    expect(verdict.offsetMs).toBe(7 * 60_000);
    expect(verdict.text).toMatch(/7 minutes behind the store’s/);
  });

  it('ignores a clock within 5 minutes', () => {
    const close = new Date(NOW.getTime() - 4 * 60_000);
    const verdict = linkVerdict(error(403, 'AccessDenied', '', '', { date: date(close) }), facts, NOW);
    expect(verdict.kind).toBe('no-permission');
    expect(verdict.offsetMs).toBeUndefined();
  });

  it('calls a 403 after the link’s end expired even when the store says nothing more (radosgw)', () => {
    const late = new Date('2026-11-29T12:31:00Z');
    const verdict = linkVerdict(error(403, 'AccessDenied', '', '', { date: date(late) }), facts, late);
    expect(verdict.kind).toBe('expired');
  });

  it('calls a 403 no permission when the clock is 6 minutes off but the store’s time is inside the link’s window', () => {
    const signed = {
      ...facts,
      signedAt: new Date('2026-11-29T11:50:00Z'),
      expiresAt: new Date('2026-11-29T12:50:00Z'),
    };
    const ahead = new Date(NOW.getTime() + 6 * 60_000);
    const verdict = linkVerdict(
      error(403, 'AccessDenied', 'Access Denied', '', { date: date(ahead) }),
      signed,
      NOW,
    );
    expect(verdict.kind).toBe('no-permission');
    expect(verdict.text).toMatch(/s3:GetObject/);
    expect(verdict.text).toMatch(/6 minutes behind the store’s.*not why/);
    // Nothing to offer: signing with the corrected time would give another 403.
    expect(verdict.offsetMs).toBeUndefined();
  });

  it('calls a 403 no permission for a link signed 2 hours ahead while the store’s time is in its window', () => {
    // radosgw serves links whose X-Amz-Date is hours in the future: a skewed signer alone does not cause a 403.
    const signed = {
      ...facts,
      signedAt: new Date('2026-11-29T10:00:00Z'),
      expiresAt: new Date('2026-11-29T16:00:00Z'),
    };
    const verdict = linkVerdict(
      error(403, 'AccessDenied', '', '', { date: date(new Date(NOW.getTime() + 2 * 3_600_000)) }),
      signed,
      NOW,
    );
    expect(verdict.kind).toBe('no-permission');
  });

  it('says when a CORS rule hid the Date header of a 403, so the clock could not be ruled out', () => {
    const probe = error(403, 'AccessDenied');
    const verdict = linkVerdict({ ...probe, headers: {} } as LinkProbe, facts, NOW);
    expect(verdict.kind).toBe('no-permission');
    expect(verdict.text).toMatch(/Date header was hidden.*add Date to the bucket’s CORS ExposeHeaders/);
    expect(linkVerdict(probe, facts, NOW).text).not.toMatch(/hidden/);
  });

  it('leaves the offset unset for "not yet valid" when the store sent no Date', () => {
    const probe = error(403, 'AccessDenied', 'Request is not valid yet');
    const verdict = linkVerdict({ ...probe, headers: {} } as LinkProbe, facts, NOW);
    expect(verdict.kind).toBe('clock-skew');
    expect(verdict.offsetMs).toBeUndefined();
    expect(verdict.text).not.toMatch(/0 seconds/);
    expect(verdict.text).not.toMatch(/sign with the corrected time/);
  });

  it('reports the offset of a clock-skew verdict', () => {
    const behind = new Date(NOW.getTime() - 3_600_000);
    const verdict = linkVerdict(error(403, 'AccessDenied', '', '', { date: date(behind) }), facts, NOW);
    expect(verdict).toMatchObject({ kind: 'clock-skew', offsetMs: -3_600_000 });
    expect(verdict.text).toMatch(/1 hour ahead of the store’s/);
  });
});

describe('readLinkTiming', () => {
  it('reads X-Amz-Date, X-Amz-Expires and the scope’s region', () => {
    const url =
      'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261129%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261129T113000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=ab';
    expect(readLinkTiming(url)).toEqual({
      signedAt: new Date('2026-11-29T11:30:00Z'),
      expiresAt: new Date('2026-11-29T12:30:00Z'),
      region: 'eu-west-1',
    });
  });

  it('reads nothing from an unsigned link', () => {
    expect(readLinkTiming('https://b.s3.amazonaws.com/k')).toEqual({
      signedAt: undefined,
      expiresAt: undefined,
      region: undefined,
    });
  });
});

describe('xmlField and describeOffset', () => {
  it('decodes entities in an error element', () => {
    expect(xmlField('<Message>a &amp; b &lt;c&gt;</Message>', 'Message')).toBe('a & b <c>');
    expect(xmlField('<Message></Message>', 'Message')).toBeUndefined();
  });

  it('says behind or ahead', () => {
    expect(describeOffset(90_000)).toBe('1 minute 30 seconds behind');
    expect(describeOffset(-7_200_000)).toBe('2 hours ahead of');
  });
});
