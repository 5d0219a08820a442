import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import type { S3Browser } from '@/utils/adapters/s3-browser';
import { testConnection } from '@/utils/adapters/test-connection';
import type { Profile } from '@/utils/profile';

// Every branch of "Test connection" with a stand-in for the S3 calls. The integration test runs the same
// branches against radosgw (including a user denied ListBuckets); only the wrong-region answer needs AWS.

const now = new Date('2026-11-22T08:00:00Z');

const profile: Profile = {
  id: 'p1',
  name: 'Work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480',
  forcePathStyle: true,
};

/** An error as the SDK throws it for a radosgw answer (empty message, so "UnknownError"). */
function sdkError(name: string, status: number, headers: Record<string, string> = {}): S3ServiceException {
  const error = new S3ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message: 'UnknownError',
  });
  return Object.assign(error, { $response: { statusCode: status, headers } });
}

type Outcome<T> = T | Error;

/** An S3Browser whose calls resolve or reject as told, recording which were made. */
function fakeBrowser(outcomes: {
  listBuckets?: Outcome<string[]>;
  headBucket?: Outcome<{ region?: string }>;
  listPage?: Outcome<null>;
}) {
  const settle = <T>(outcome: Outcome<T> | undefined): Promise<T> =>
    outcome instanceof Error
      ? Promise.reject(outcome)
      : outcome === undefined
        ? Promise.reject(new Error('unexpected call'))
        : Promise.resolve(outcome);
  const browser = {
    listBuckets: vi.fn(() => settle(outcomes.listBuckets).then((names) => names.map((name) => ({ name })))),
    headBucket: vi.fn((_bucket: string) => settle(outcomes.headBucket)),
    listPage: vi.fn((_bucket: string, _options: unknown) =>
      settle(outcomes.listPage).then(() => ({ prefixes: [], objects: [], isTruncated: false })),
    ),
    listVersions: vi.fn(() => Promise.resolve([])),
  } satisfies S3Browser;
  return browser;
}

describe('testConnection', () => {
  it('lists the buckets when the keys may', async () => {
    const s3 = fakeBrowser({ listBuckets: ['alpha', 'beta'] });
    const report = await testConnection(profile, now, () => s3);
    expect(report).toEqual({ ok: true, buckets: ['alpha', 'beta'], via: 'list-buckets' });
    expect(s3.headBucket).not.toHaveBeenCalled();
  });

  it('stops before any request when the temporary credentials have ended', async () => {
    const browserFor = vi.fn(() => fakeBrowser({ listBuckets: ['alpha'] }));
    const expired = { ...profile, sessionToken: 'token', sessionExpiration: '2026-11-22T07:00:00Z' };
    const report = await testConnection(expired, now, browserFor);
    expect(report.ok).toBe(false);
    expect(!report.ok && report.error.code).toBe('credentials-expired');
    expect(browserFor).not.toHaveBeenCalled();
  });

  it('falls back to the default bucket when ListBuckets is denied, and says so', async () => {
    const s3 = fakeBrowser({ listBuckets: sdkError('AccessDenied', 403), headBucket: {}, listPage: null });
    const report = await testConnection({ ...profile, defaultBucket: 'team' }, now, () => s3);
    expect(report).toMatchObject({ ok: true, buckets: ['team'], via: 'head-bucket' });
    expect(report.ok && report.note).toMatch(
      /may not list buckets \(s3:ListAllMyBuckets\).*opens bucket team/,
    );
    expect(s3.headBucket).toHaveBeenCalledWith('team');
    expect(s3.listPage).toHaveBeenCalledWith('team', { prefix: '', maxKeys: 1 });
  });

  it('reaches the bucket but warns when its objects cannot be listed', async () => {
    const s3 = fakeBrowser({
      listBuckets: sdkError('AccessDenied', 403),
      headBucket: {},
      listPage: sdkError('AccessDenied', 403),
    });
    const report = await testConnection({ ...profile, defaultBucket: 'team' }, now, () => s3);
    expect(report).toMatchObject({ ok: true, buckets: ['team'], via: 'head-bucket' });
    expect(report.ok && report.note).toMatch(
      /cannot show its objects: .*s3:ListBucket.*Links can still be signed/,
    );
  });

  it('explains a denied ListBuckets without a default bucket, suggesting one', async () => {
    const s3 = fakeBrowser({ listBuckets: sdkError('AccessDenied', 403) });
    const report = await testConnection(profile, now, () => s3);
    expect(report.ok).toBe(false);
    expect(!report.ok && report.error.code).toBe('access-denied');
    expect(!report.ok && report.error.message).toContain('default bucket');
    expect(s3.headBucket).not.toHaveBeenCalled();
  });

  it.each([
    ['does not exist', sdkError('NotFound', 404), 'no-such-bucket', undefined],
    ['is denied too', sdkError('Unknown', 403), 'access-denied', undefined],
    [
      'is in another region',
      sdkError('Unknown', 301, { 'x-amz-bucket-region': 'eu-west-3' }),
      'wrong-region',
      'eu-west-3',
    ],
  ])('fails with the reason when the default bucket %s', async (_, headError, code, region) => {
    const s3 = fakeBrowser({ listBuckets: sdkError('AccessDenied', 403), headBucket: headError });
    const report = await testConnection({ ...profile, defaultBucket: 'team' }, now, () => s3);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.error.code).toBe(code);
    expect((report.error as { region?: string }).region).toBe(region);
    expect(report.error.message).toContain('team');
  });

  it.each([
    ['a wrong access key', sdkError('InvalidAccessKeyId', 403), 'invalid-access-key'],
    ['a wrong secret', sdkError('SignatureDoesNotMatch', 403), 'signature-mismatch'],
    [
      'a host that is down',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'network',
    ],
  ])('does not fall back on %s', async (_, error, code) => {
    const s3 = fakeBrowser({ listBuckets: error });
    const report = await testConnection({ ...profile, defaultBucket: 'team' }, now, () => s3);
    expect(!report.ok && report.error.code).toBe(code);
    expect(s3.headBucket).not.toHaveBeenCalled();
  });
});
