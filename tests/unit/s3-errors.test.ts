import { Readable } from 'node:stream';
import {
  HeadBucketCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  NoSuchBucket,
  NoSuchKey,
  NotFound,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { PresignError, type PresignErrorCode } from '@/utils/errors';
import {
  expiredSession,
  explainS3Error,
  type S3AccessError,
  type S3Action,
  type S3ErrorContext,
} from '@/utils/s3-errors';

// Errors as the SDK throws them: real S3ServiceException subclasses with radosgw's empty message
// ("UnknownError"), or, for what only AWS sends, what a real S3Client throws for AWS's canned answers.

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const RADOSGW: S3ErrorContext = { region: 'us-east-1', endpoint: 'http://127.0.0.1:7480', bucket: 'photos' };
const AWS: S3ErrorContext = { region: 'us-east-1', bucket: 'photos' };

/** An S3ServiceException as the SDK builds it from a radosgw answer: empty message, headers on $response. */
function radosgwError(
  name: string,
  status: number,
  headers: Record<string, string> = {},
): S3ServiceException {
  const error = new S3ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, attempts: 1 },
    message: 'UnknownError',
  });
  Object.assign(error, { Code: name, $response: { statusCode: status, headers } });
  return error;
}

/** What a real S3Client throws when the server answers `status`, `headers` and `body`. */
async function sdkError(
  command: ListObjectsV2Command | HeadBucketCommand | ListBucketsCommand,
  status: number,
  headers: Record<string, string>,
  body = '',
): Promise<unknown> {
  const client = new S3Client({
    region: 'us-east-1',
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: { statusCode: status, headers, body: Readable.from([Buffer.from(body)]) },
      }),
    } as never,
  });
  try {
    // biome-ignore lint/suspicious/noExplicitAny: one helper for three command types
    await client.send(command as any);
  } catch (error) {
    return error;
  }
  throw new Error('expected the canned answer to make the SDK throw');
}

const xml = (code: string, inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code>${inner}<RequestId>R</RequestId><HostId>H</HostId></Error>`;

function explained(error: unknown, context: S3ErrorContext = RADOSGW): S3AccessError {
  const result = explainS3Error(error, context);
  expect(result).toBeInstanceOf(PresignError);
  // No explanation may fall back to the SDK's placeholder.
  expect(result.message).not.toContain('UnknownError');
  return result as S3AccessError;
}

describe('explainS3Error: what radosgw and S3 answer', () => {
  it.each<[string, S3ServiceException, PresignErrorCode, RegExp]>([
    ['wrong access key', radosgwError('InvalidAccessKeyId', 403), 'invalid-access-key', /access key ID/],
    ['wrong secret', radosgwError('SignatureDoesNotMatch', 403), 'signature-mismatch', /secret access key/],
    [
      'no bucket',
      new NoSuchBucket({ $metadata: { httpStatusCode: 404 }, message: 'UnknownError' }),
      'no-such-bucket',
      /no bucket photos on 127\.0\.0\.1:7480/,
    ],
    [
      'HEAD on no bucket',
      new NotFound({ $metadata: { httpStatusCode: 404 }, message: 'UnknownError' }),
      'no-such-bucket',
      /no bucket photos/,
    ],
    ['expired token', radosgwError('ExpiredToken', 400), 'credentials-expired', /expired.*fresh ones/],
    ['token to refresh', radosgwError('TokenRefreshRequired', 400), 'credentials-expired', /fresh ones/],
    ['bad token', radosgwError('InvalidToken', 400), 'invalid-credentials', /session token is not valid/],
    [
      'bad bucket name',
      radosgwError('InvalidBucketName', 400),
      'invalid-bucket',
      /“photos” is not a valid bucket name/,
    ],
    ['overloaded', radosgwError('SlowDown', 503), 's3-error', /\(SlowDown, HTTP 503\)\. Try again/],
    ['not supported', radosgwError('NotImplemented', 501), 's3-error', /does not support/],
    [
      'anything else',
      radosgwError('MethodNotAllowed', 405),
      's3-error',
      /refused the request \(MethodNotAllowed, HTTP 405\)/,
    ],
  ])('%s', (_, error, code, message) => {
    const result = explained(error, { ...RADOSGW, action: 'list-objects' });
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
    expect(result.status).toBe(error.$metadata.httpStatusCode);
    expect(result.cause).toBe(error);
  });

  it('names the object for NoSuchKey', () => {
    const error = new NoSuchKey({ $metadata: { httpStatusCode: 404 }, message: 'UnknownError' });
    const result = explained(error, { ...RADOSGW, action: 'get-object', key: 'a/b c.txt' });
    expect(result.code).toBe('no-such-key');
    expect(result.message).toContain('“a/b c.txt” is not in bucket photos');
  });

  it('blames the endpoint too for a signature mismatch on a custom host, not on AWS', () => {
    const error = radosgwError('SignatureDoesNotMatch', 403);
    expect(explained(error, RADOSGW).message).toContain('check the endpoint URL');
    expect(explained(error, AWS).message).not.toContain('endpoint');
    expect(explained(error, AWS).message).toContain('s3.us-east-1.amazonaws.com');
  });

  it.each<[S3Action, RegExp]>([
    ['list-buckets', /may not list your buckets: .*s3:ListAllMyBuckets.* default bucket/],
    ['list-objects', /may not list bucket photos: .*s3:ListBucket permission/],
    ['head-bucket', /may not open bucket photos: .*s3:ListBucket permission/],
    ['list-versions', /may not list the versions in bucket photos: .*s3:ListBucketVersions/],
    ['get-object', /may not read “x\.txt” in bucket photos: .*s3:GetObject/],
  ])('names the permission an AccessDenied is likely about: %s', (action, message) => {
    const result = explained(radosgwError('AccessDenied', 403), { ...RADOSGW, action, key: 'x.txt' });
    expect(result.code).toBe('access-denied');
    expect(result.message).toMatch(message);
  });

  it('treats a bodiless 403 (HeadBucket: the SDK names it "Unknown") as access denied', async () => {
    const error = await sdkError(new HeadBucketCommand({ Bucket: 'photos' }), 403, {});
    expect((error as S3ServiceException).name).toBe('Unknown');
    const result = explained(error, { ...RADOSGW, action: 'head-bucket' });
    expect(result.code).toBe('access-denied');
    expect(result.message).toContain('s3:ListBucket');
  });

  it('suggests fresh temporary credentials when the profile has a session token', () => {
    const error = radosgwError('AccessDenied', 403);
    expect(explained(error, { ...RADOSGW, sessionToken: true }).message).toContain('get fresh ones');
    expect(explained(error, RADOSGW).message).not.toContain('get fresh ones');
  });

  it('never echoes a code that is not a plain identifier', () => {
    const result = explained(radosgwError('<b>Oops</b> secret=abc', 400));
    expect(result.code).toBe('s3-error');
    expect(result.message).not.toContain('Oops');
    expect(result.message).toContain('HTTP 400');
  });

  it('words messages without a bucket when the request named none', () => {
    const context = { region: 'us-east-1' };
    const missing = explained(new NoSuchBucket({ $metadata: { httpStatusCode: 404 }, message: '' }), context);
    expect(missing.message).toMatch(/^There is no such bucket in region us-east-1\./);
    const moved = explained(
      radosgwError('PermanentRedirect', 301, { 'x-amz-bucket-region': 'eu-west-3' }),
      context,
    );
    expect(moved.message).toMatch(/^This bucket is in region eu-west-3/);
  });

  it('passes a PresignError through unchanged', () => {
    const error = new PresignError('credentials-expired', 'Get fresh ones.');
    expect(explainS3Error(error, RADOSGW)).toBe(error);
  });
});

// radosgw accepts any region name in the signature and never redirects, so none of these can be produced against
// the test server: they are AWS's own answers, fed to a real S3Client.
describe('explainS3Error: a bucket in another region (AWS only)', () => {
  it('reads the region from the header of a bodiless HeadBucket 301', async () => {
    const error = await sdkError(new HeadBucketCommand({ Bucket: 'photos' }), 301, {
      'x-amz-bucket-region': 'eu-west-3',
    });
    const result = explained(error, { ...AWS, action: 'head-bucket' });
    expect(result.code).toBe('wrong-region');
    expect(result.region).toBe('eu-west-3');
    expect(result.message).toBe('Bucket photos is in region eu-west-3, not us-east-1: switch to eu-west-3.');
  });

  it.each<[string, Record<string, string>, string, string, string]>([
    [
      'PermanentRedirect with the header',
      { 'x-amz-bucket-region': 'ap-southeast-2' },
      'PermanentRedirect',
      '<Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Endpoint>photos.s3.ap-southeast-2.amazonaws.com</Endpoint>',
      'ap-southeast-2',
    ],
    [
      'PermanentRedirect without it (from the Endpoint element)',
      {},
      'PermanentRedirect',
      '<Message>Use the endpoint.</Message><Endpoint>photos.s3.eu-central-1.amazonaws.com</Endpoint><Bucket>photos</Bucket>',
      'eu-central-1',
    ],
    [
      'AuthorizationHeaderMalformed (from the Region element)',
      {},
      'AuthorizationHeaderMalformed',
      "<Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-3'</Message><Region>eu-west-3</Region>",
      'eu-west-3',
    ],
    [
      'IllegalLocationConstraintException (from the message)',
      {},
      'IllegalLocationConstraintException',
      '<Message>The af-south-1 location constraint is incompatible for the region specific endpoint this request was sent to.</Message>',
      'af-south-1',
    ],
  ])('%s', async (_, headers, code, inner, region) => {
    const status = code === 'PermanentRedirect' ? 301 : 400;
    const error = await sdkError(
      new ListObjectsV2Command({ Bucket: 'photos' }),
      status,
      headers,
      xml(code, inner),
    );
    expect((error as S3ServiceException).name).toBe(code);
    const result = explained(error, { ...AWS, action: 'list-objects' });
    expect(result).toMatchObject({ code: 'wrong-region', region });
    expect(result.message).toContain(`switch to ${region}`);
  });

  it('reads a 400 to HeadBucket with another region in the header as the wrong region', async () => {
    const error = await sdkError(new HeadBucketCommand({ Bucket: 'photos' }), 400, {
      'x-amz-bucket-region': 'eu-north-1',
    });
    expect(explained(error, AWS)).toMatchObject({ code: 'wrong-region', region: 'eu-north-1' });
  });

  it('still says "another region" when S3 does not name it', async () => {
    const error = await sdkError(new HeadBucketCommand({ Bucket: 'photos' }), 301, {});
    const result = explained(error, AWS);
    expect(result.code).toBe('wrong-region');
    expect(result.region).toBeUndefined();
    expect(result.message).toMatch(/another region than us-east-1/);
    expect(result.message).toContain('the S3 console shows it');
    // Wasabi, B2 and other stores have their own console, not AWS's.
    const other = explained(error, RADOSGW);
    expect(other.message).toContain("your store's console shows it");
    expect(other.message).not.toContain('S3 console');
  });

  it('ignores a header value that is not a region name', async () => {
    const error = await sdkError(new HeadBucketCommand({ Bucket: 'photos' }), 301, {
      'x-amz-bucket-region': 'eu-west-3 <script>',
    });
    expect(explained(error, AWS).region).toBeUndefined();
  });
});

describe('explainS3Error: a wrong clock', () => {
  const serverDate = 'Sun, 22 Nov 2026 08:00:26 GMT';

  it.each<[string, number, string]>([
    ['ahead', 30 * 60_000 + 400, '30 minutes ahead of 127.0.0.1:7480'],
    ['behind', -(2 * 3_600_000 + 17 * 60_000), '2 hours 17 minutes behind'],
    ['ahead by seconds only', 95_000, '1 minute 35 seconds ahead'],
  ])('measures the offset from the Date header (radosgw): %s', (_, offset, words) => {
    const error = radosgwError('RequestTimeTooSkewed', 403, { date: serverDate });
    const now = new Date(Date.parse(serverDate) + offset);
    const result = explained(error, { ...RADOSGW, now });
    expect(result.code).toBe('clock-skew');
    expect(result.message).toContain(`This computer's clock is ${words}`);
    expect(result.message).toContain('automatic time');
    expect(result.clockOffsetMs).toBe(offset);
  });

  it("prefers AWS's RequestTime and ServerTime to the local clock", async () => {
    const error = await sdkError(
      new ListBucketsCommand({}),
      403,
      { date: serverDate },
      xml(
        'RequestTimeTooSkewed',
        '<Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261122T083026Z</RequestTime><ServerTime>2026-11-22T08:00:26Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>',
      ),
    );
    const result = explained(error, { ...AWS, now: new Date(0) });
    expect(result.clockOffsetMs).toBe(30 * 60_000);
    expect(result.message).toContain('30 minutes ahead of s3.us-east-1.amazonaws.com');
  });

  it('still explains the skew without any time to compare', () => {
    const result = explained(radosgwError('RequestTimeTooSkewed', 403), RADOSGW);
    expect(result.code).toBe('clock-skew');
    expect(result.clockOffsetMs).toBeUndefined();
    expect(result.message).toMatch(/clock is off .* by too much/);
  });
});

/** Node's error for a refused connection, as the SDK's NodeHttpHandler rethrows it. */
function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno: -111, syscall: 'connect', $metadata: {} });
}

describe('explainS3Error: no answer at all', () => {
  it.each<[string, unknown, RegExp]>([
    ['refused (Node)', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), /nothing answers/],
    ['unknown host (Node)', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND s3.example'), /does not resolve/],
    [
      'every address refused (Node happy eyeballs)',
      Object.assign(new AggregateError([nodeError('ECONNREFUSED', 'x'), nodeError('ECONNREFUSED', 'y')]), {
        code: undefined,
      }),
      /nothing answers/,
    ],
    [
      'fetch failed (Node fetch)',
      new TypeError('fetch failed', { cause: nodeError('ECONNREFUSED', 'x') }),
      /nothing answers/,
    ],
    [
      'timeout (SDK)',
      Object.assign(new Error('Connection timed out after 10000 ms'), { name: 'TimeoutError' }),
      /in time/,
    ],
    [
      'untrusted certificate',
      nodeError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'),
      /certificate is not trusted/,
    ],
  ])('%s', (_, error, reason) => {
    const result = explained(error);
    expect(result.code).toBe('network');
    expect(result.message).toMatch(/^Could not reach 127\.0\.0\.1:7480: /);
    expect(result.message).toMatch(reason);
    expect(result.message).toContain('endpoint URL and port');
  });

  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    'names both causes of a browser fetch failure (%s) for a custom endpoint',
    (message) => {
      const result = explained(new TypeError(message));
      expect(result.code).toBe('network');
      expect(result.message).toContain('server is down');
      expect(result.message).toContain('allow the extension to access 127.0.0.1:7480');
      expect(result.message).toContain('CORS rule');
    },
  );

  it('blames only the server when the browser is known to let the extension reach the host', () => {
    const result = explained(new TypeError('Failed to fetch'), { ...RADOSGW, hostAccess: true });
    expect(result.code).toBe('network');
    expect(result.message).toMatch(/^Could not reach 127\.0\.0\.1:7480: the server is down or unreachable/);
    expect(result.message).toContain('endpoint URL, the port');
    // Access is granted: no asking again, and no CORS rule is needed.
    expect(result.message).not.toMatch(/Allow|save the profile again|CORS/);
  });

  it('points at the Allow access button, not at saving again, when access is unknown', () => {
    const result = explained(new TypeError('Failed to fetch'));
    expect(result.message).toContain('“Allow access to 127.0.0.1:7480”');
    expect(result.message).not.toContain('save the profile again');
  });

  it('says host permission when the caller knows the browser refused it', () => {
    const result = explained(new TypeError('Failed to fetch'), { ...RADOSGW, hostAccess: false });
    expect(result.code).toBe('host-permission');
    expect(result.message).toContain('Choose “Allow access to 127.0.0.1:7480”');
  });

  it('speaks of the internet connection, not CORS, for AWS', () => {
    const result = explained(new TypeError('Failed to fetch'), AWS);
    expect(result.code).toBe('network');
    expect(result.message).toContain('Could not reach s3.us-east-1.amazonaws.com');
    expect(result.message).not.toContain('CORS');
  });

  it('does not take a programming error for a network failure', () => {
    const result = explained(new TypeError("Cannot read properties of undefined (reading 'Key')"));
    expect(result.code).toBe('internal');
    expect(result.message).not.toContain('Cannot read');
  });

  it('calls an answer the SDK could not parse a bad endpoint', () => {
    const error = Object.assign(new Error('Deserialization error: char 0'), { $metadata: {} });
    expect(explained(error).code).toBe('s3-error');
  });

  it.each([
    ['the SDK', Object.assign(new Error('Request aborted'), { name: 'AbortError' })],
    ['fetch', new DOMException('The user aborted a request.', 'AbortError')],
  ])('reports an abort by %s as cancelled', (_, error) => {
    expect(explained(error).code).toBe('cancelled');
  });

  it('never names a user or password written into the endpoint', () => {
    const result = explained(new TypeError('Failed to fetch'), {
      ...RADOSGW,
      endpoint: 'https://me:hunter2@s3.example.com:9000/base',
    });
    expect(result.message).toContain('s3.example.com:9000');
    expect(result.message).not.toContain('hunter2');
  });
});

describe('explainS3Error: secrets and raw messages stay out', () => {
  it('leaves out what AWS echoes in a SignatureDoesNotMatch or ExpiredToken body', async () => {
    const signature = await sdkError(
      new ListBucketsCommand({}),
      403,
      {},
      xml(
        'SignatureDoesNotMatch',
        `<Message>The request signature we calculated does not match the signature you provided.</Message><AWSAccessKeyId>${ACCESS_KEY}</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256 STRING-TO-SIGN</StringToSign><SignatureProvided>f00d</SignatureProvided>`,
      ),
    );
    const token = await sdkError(
      new ListBucketsCommand({}),
      400,
      {},
      xml(
        'ExpiredToken',
        '<Message>The provided token has expired.</Message><Token-0>FwoGZXIvYXdzTOKEN</Token-0>',
      ),
    );
    for (const error of [signature, token]) {
      const { message } = explained(error, AWS);
      for (const secret of [ACCESS_KEY, SECRET, 'STRING-TO-SIGN', 'f00d', 'FwoGZXIvYXdzTOKEN']) {
        expect(message).not.toContain(secret);
      }
      expect(message).not.toContain((error as Error).message);
    }
  });
});

describe('expiredSession', () => {
  const now = new Date('2026-11-22T08:00:00Z');

  it('refuses temporary credentials that have ended, saying when', () => {
    const error = expiredSession({ sessionExpiration: '2026-11-22T07:59:59Z' }, now);
    expect(error?.code).toBe('credentials-expired');
    expect(error?.message).toContain('expired at 07:59:59 UTC on 22 Nov 2026.');
  });

  it.each([
    ['still valid', '2026-11-22T08:00:01Z'],
    ['long-term keys', undefined],
    ['an unreadable date (the form rejects it; requests will tell)', 'soon'],
  ])('lets %s through', (_, sessionExpiration) => {
    expect(expiredSession(sessionExpiration === undefined ? {} : { sessionExpiration }, now)).toBeUndefined();
  });
});
