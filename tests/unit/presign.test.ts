import { describe, expect, it } from 'vitest';
import { PresignError } from '@/utils/errors';
import { type PresignInput, presign } from '@/utils/presign';

// The example S3's documentation publishes for query-string authentication ("Authenticating Requests: Using
// Query Parameters (AWS Signature Version 4)"): a GET of examplebucket/test.txt signed 2013-05-24 for 86,400 s.
const AWS_EXAMPLE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const AWS_EXAMPLE_URL =
  'https://examplebucket.s3.amazonaws.com/test.txt' +
  '?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
  '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
  '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

const NOW = new Date('2013-05-24T00:00:00Z');

function input(overrides: Partial<PresignInput> = {}): PresignInput {
  return {
    credentials: AWS_EXAMPLE_CREDENTIALS,
    region: 'us-east-1',
    bucket: 'examplebucket',
    key: 'test.txt',
    method: 'GET',
    expiresIn: 86_400,
    now: NOW,
    ...overrides,
  };
}

function params(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

describe('presign', () => {
  it('reproduces the AWS documentation example byte for byte', async () => {
    const result = await presign(input());
    expect(result.url).toBe(AWS_EXAMPLE_URL);
    expect(result.expiresAt).toEqual(new Date('2013-05-25T00:00:00Z'));
    expect(result.warnings).toEqual([]);
  });

  it('carries only the X-Amz parameters: no checksum, x-id or content-sha256', async () => {
    for (const method of ['GET', 'PUT'] as const) {
      const names = [...params((await presign(input({ method }))).url).keys()];
      expect(names).toEqual([
        'X-Amz-Algorithm',
        'X-Amz-Credential',
        'X-Amz-Date',
        'X-Amz-Expires',
        'X-Amz-SignedHeaders',
        'X-Amz-Signature',
      ]);
    }
  });

  it('signs a different signature for PUT than for GET', async () => {
    const get = params((await presign(input())).url).get('X-Amz-Signature');
    const put = params((await presign(input({ method: 'PUT' }))).url).get('X-Amz-Signature');
    expect(put).toMatch(/^[0-9a-f]{64}$/);
    expect(put).not.toBe(get);
  });

  it('adds X-Amz-Security-Token for session credentials and signs it', async () => {
    const token = 'FQoGZXIvYXdzEJr//////////wEaDOzLBdr+Zr/token=';
    const withToken = await presign(
      input({ credentials: { ...AWS_EXAMPLE_CREDENTIALS, sessionToken: token } }),
    );
    expect(params(withToken.url).get('X-Amz-Security-Token')).toBe(token);
    expect(withToken.url).toContain(
      `X-Amz-Security-Token=${token.replace(/\//g, '%2F').replace('+', '%2B').replace('=', '%3D')}`,
    );
    expect(params(withToken.url).get('X-Amz-Signature')).not.toBe(
      params(AWS_EXAMPLE_URL).get('X-Amz-Signature'),
    );
  });

  it('signs content-type for a PUT when asked and says the uploader must send it', async () => {
    const result = await presign(input({ method: 'PUT', contentType: 'application/pdf' }));
    expect(params(result.url).get('X-Amz-SignedHeaders')).toBe('content-type;host');
    expect(result.requiredHeaders).toEqual({ 'Content-Type': 'application/pdf' });
    expect(result.warnings).toEqual([
      { code: 'required-header', message: expect.stringContaining('Content-Type: application/pdf') },
    ]);
  });

  it('puts versionId and response overrides in the signed query', async () => {
    const result = await presign(
      input({
        versionId: '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY',
        responseContentDisposition: `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
        responseContentType: 'application/pdf',
      }),
    );
    const query = params(result.url);
    expect(query.get('versionId')).toBe('3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY');
    expect(query.get('response-content-disposition')).toBe(
      `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
    );
    expect(result.url).toContain('versionId=3%2FL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY');
  });

  it.each([
    [
      'regional AWS, virtual-hosted',
      { region: 'eu-west-3' },
      'https://examplebucket.s3.eu-west-3.amazonaws.com/test.txt',
    ],
    [
      'a bucket with dots goes path-style',
      { bucket: 'my.bucket', region: 'eu-west-3' },
      'https://s3.eu-west-3.amazonaws.com/my.bucket/test.txt',
    ],
    ['forced path-style', { forcePathStyle: true }, 'https://s3.amazonaws.com/examplebucket/test.txt'],
    [
      'dualstack',
      { variant: 'dualstack', region: 'us-west-2' },
      'https://examplebucket.s3.dualstack.us-west-2.amazonaws.com/test.txt',
    ],
    ['accelerate', { variant: 'accelerate' }, 'https://examplebucket.s3-accelerate.amazonaws.com/test.txt'],
    [
      'China region',
      { region: 'cn-north-1' },
      'https://examplebucket.s3.cn-north-1.amazonaws.com.cn/test.txt',
    ],
    [
      'custom endpoint with port',
      { endpoint: 'http://127.0.0.1:7480' },
      'http://127.0.0.1:7480/examplebucket/test.txt',
    ],
    [
      'custom endpoint with path prefix',
      { endpoint: 'https://storage.example.com/s3/' },
      'https://storage.example.com/s3/examplebucket/test.txt',
    ],
    [
      'default port is dropped',
      { endpoint: 'https://minio.example.com:443' },
      'https://minio.example.com/examplebucket/test.txt',
    ],
    [
      'custom endpoint, virtual-hosted',
      { endpoint: 'https://r2.example.com', forcePathStyle: false },
      'https://examplebucket.r2.example.com/test.txt',
    ],
    [
      'awkward key',
      { key: 'a b/+%/../é/日本.txt' },
      'https://examplebucket.s3.amazonaws.com/a%20b/%2B%25/../%C3%A9/%E6%97%A5%E6%9C%AC.txt',
    ],
  ] as [string, Partial<PresignInput>, string][])('%s', async (_name, overrides, prefix) => {
    const { url } = await presign(input(overrides));
    expect(url.slice(0, url.indexOf('?'))).toBe(prefix);
  });

  it.each([
    ['./a', true],
    ['a/../b', true],
    ['a/..', true],
    ['..', true],
    ['a/.../b', false],
    ['a/.b/c', false],
    ['a..b', false],
    ['a/b.', false],
  ])('warns about a “.” or “..” folder in %s: %s', async (key, warns) => {
    const { warnings } = await presign(input({ key }));
    expect(warnings.some((warning) => warning.code === 'dot-segment')).toBe(warns);
  });

  it('signs the region into the credential scope', async () => {
    const { url } = await presign(
      input({ region: 'auto', endpoint: 'https://acct.r2.cloudflarestorage.com' }),
    );
    expect(params(url).get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/auto/s3/aws4_request');
  });

  it('signs a self-hosted store’s own region name as written, capitals kept (MinIO, Ceph zone groups)', async () => {
    const { url } = await presign(input({ region: 'zg-EU', endpoint: 'https://minio.example.com' }));
    expect(params(url).get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/zg-EU/s3/aws4_request');
  });

  it('cuts the expiry to the end of temporary credentials and warns', async () => {
    const result = await presign(
      input({
        expiresIn: 604_800,
        credentials: {
          ...AWS_EXAMPLE_CREDENTIALS,
          sessionToken: 'tok',
          expiration: new Date('2013-05-24T01:00:00Z'),
        },
      }),
    );
    expect(params(result.url).get('X-Amz-Expires')).toBe('3600');
    expect(result.expiresAt).toEqual(new Date('2013-05-24T01:00:00Z'));
    expect(result.warnings[0]?.code).toBe('clamped-to-credentials');
  });

  it.each([
    [
      'expired credentials',
      { credentials: { ...AWS_EXAMPLE_CREDENTIALS, expiration: new Date('2013-05-23T00:00:00Z') } },
      'credentials-expired',
      /expired/,
    ],
    ['too long', { expiresIn: 604_801 }, 'invalid-expiry', /7 days/],
    ['zero', { expiresIn: 0 }, 'invalid-expiry', /at least 1 second/],
    [
      'missing key id',
      { credentials: { accessKeyId: '', secretAccessKey: 'x' } },
      'invalid-credentials',
      /access key ID is missing/,
    ],
    [
      'secret with a newline',
      { credentials: { accessKeyId: 'AKIA', secretAccessKey: 'abc\ndef' } },
      'invalid-credentials',
      /secret access key contains/,
    ],
    ['bad region', { region: 'US East' }, 'invalid-region', /not a region name/],
    ['a zone group name on AWS', { region: 'zg-EU' }, 'invalid-region', /not a region name/],
    [
      'a region with "_" on a custom endpoint',
      { region: 'zg_eu', endpoint: 'https://minio.example.com' },
      'invalid-region',
      /not a region name/,
    ],
    [
      'a region with a space on a custom endpoint',
      { region: 'zg eu', endpoint: 'https://minio.example.com' },
      'invalid-region',
      /not a region name/,
    ],
    ['empty key', { key: '' }, 'invalid-key', /empty/],
    ['key too long', { key: 'k'.repeat(1025) }, 'invalid-key', /1025 bytes/],
    [
      'versionId on PUT',
      { method: 'PUT', versionId: 'v1' },
      'invalid-request',
      /download \(GET\) links only/,
    ],
    ['content type on GET', { contentType: 'text/plain' }, 'invalid-request', /upload \(PUT\) links only/],
    ['accelerate with dots', { variant: 'accelerate', bucket: 'a.b.c' }, 'invalid-bucket', /acceleration/],
    ['endpoint with userinfo', { endpoint: 'https://user:pw@minio.example.com' }, 'invalid-endpoint', /./],
  ] as [string, Partial<PresignInput>, string, RegExp][])(
    'refuses %s',
    async (_name, overrides, code, message) => {
      const error = await presign(input(overrides)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PresignError);
      expect((error as PresignError).code).toBe(code);
      expect((error as PresignError).message).toMatch(message);
      expect((error as PresignError).message).not.toContain(AWS_EXAMPLE_CREDENTIALS.secretAccessKey);
    },
  );
});
