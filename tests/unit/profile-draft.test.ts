import { describe, expect, it } from 'vitest';
import { cleanPasted, EMPTY_DRAFT, type ProfileDraft, validateDraft } from '@/utils/profile-draft';

const NOW = new Date('2026-11-22T10:00:00Z');
const good: ProfileDraft = {
  ...EMPTY_DRAFT,
  name: 'work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('cleanPasted', () => {
  it.each([
    ['  AKIA  ', 'AKIA'],
    ['"AKIA"', 'AKIA'],
    ["'AKIA'", 'AKIA'],
    ['` AKIA `', 'AKIA'],
    ['"mismatched\'', '"mismatched\''],
    ['\tline\n', 'line'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanPasted(raw)).toBe(clean);
  });
});

describe('validateDraft', () => {
  it('accepts an AWS profile, trimming what was pasted around the keys', () => {
    const result = validateDraft(
      { ...good, accessKeyId: ' "AKIAIOSFODNN7EXAMPLE" ', secretAccessKey: `${good.secretAccessKey}\n` },
      'id1',
      NOW,
    );
    expect(result.profile).toEqual({
      id: 'id1',
      name: 'work',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: good.secretAccessKey,
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  it('accepts a custom endpoint and normalizes it', () => {
    const result = validateDraft({ ...good, endpoint: 'http://127.0.0.1:7480/' }, 'id1', NOW);
    expect(result.profile).toMatchObject({ endpoint: 'http://127.0.0.1:7480', forcePathStyle: true });
  });

  it.each([
    ['a missing name', { name: '' }, 'name', /Give the profile a name/],
    ['a missing key ID', { accessKeyId: '' }, 'accessKeyId', /Paste the access key ID/],
    [
      'a secret in the key field',
      { accessKeyId: good.secretAccessKey },
      'accessKeyId',
      /looks like a secret access key/,
    ],
    ['a missing secret', { secretAccessKey: '' }, 'secretAccessKey', /Paste the secret/],
    [
      'a secret with a space inside',
      { secretAccessKey: 'abc def' },
      'secretAccessKey',
      /cannot contain spaces/,
    ],
    [
      'an ASIA key without token',
      { accessKeyId: 'ASIAIOSFODNN7EXAMPLE' },
      'sessionToken',
      /temporary: paste their session token/,
    ],
    [
      'an expired session',
      { sessionToken: 't', sessionExpiration: '2026-11-22T09:00:00Z' },
      'sessionExpiration',
      /already expired/,
    ],
    [
      'an unreadable expiration',
      { sessionToken: 't', sessionExpiration: 'tomorrow' },
      'sessionExpiration',
      /date and time/,
    ],
    ['a bad region', { region: 'Frankfurt' }, 'region', /like us-east-1/],
    [
      'an endpoint with userinfo',
      { endpoint: 'https://user:pw@minio.example.com' },
      'endpoint',
      /user name or password: remove it/,
    ],
    ['an endpoint with a query', { endpoint: 'https://minio.example.com/?x=1' }, 'endpoint', /query string/],
  ] as [string, Partial<ProfileDraft>, keyof ProfileDraft, RegExp][])(
    'explains %s',
    (_name, change, field, message) => {
      const result = validateDraft({ ...good, ...change }, 'id1', NOW);
      expect(result.profile).toBeUndefined();
      expect(result.errors?.[field]).toMatch(message);
      expect(JSON.stringify(result.errors)).not.toContain(good.secretAccessKey);
    },
  );
});

describe('validateDraft: endpoints', () => {
  it.each([
    ['a path prefix, without its last slash', 'https://ceph.example.com/s3/', 'https://ceph.example.com/s3'],
    ['a nested path prefix', 'https://gw.example.com/storage/s3', 'https://gw.example.com/storage/s3'],
    [
      'a space in the path prefix, %-encoded',
      'https://gw.example.com/my s3',
      'https://gw.example.com/my%20s3',
    ],
    ['a default port, dropped', 'https://minio.example.com:443', 'https://minio.example.com'],
    ['another port', 'http://minio.example.com:9000', 'http://minio.example.com:9000'],
    ['a host in capitals, lowercased', 'HTTPS://MinIO.Example.com', 'https://minio.example.com'],
    ['an IPv6 host', 'http://[::1]:9000', 'http://[::1]:9000'],
    ['a pasted endpoint in quotes', ' "https://minio.example.com" ', 'https://minio.example.com'],
  ])('keeps %s', (_name, endpoint, normalized) => {
    const result = validateDraft({ ...good, endpoint }, 'id1', NOW);
    expect(result.errors).toBeUndefined();
    expect(result.profile?.endpoint).toBe(normalized);
  });

  const PASSWORD = 'CANARYpassword/K7MDENG';
  it.each([
    ['no scheme', 'files.acme.test:9000', /must start with http:\/\/ or https:\/\//],
    ['another scheme', 'ftp://files.acme.test', /uses ftp:\/\/; only http:\/\/ and https:\/\/ work/],
    ['a query string', 'https://files.acme.test/s3?region=eu', /has a query string \(\?…\): remove it/],
    ['a fragment', 'https://files.acme.test/#buckets', /has a fragment \(#…\): remove it/],
    [
      'a user name and password',
      `https://AKIAUSER:${PASSWORD}@files.acme.test`,
      /user name or password: remove it/,
    ],
    ['a password and a path', `https://me:${PASSWORD}@files.acme.test/s3`, /user name or password/],
    ['a space in the host', 'https://files acme.test', /host name holds a space or line break: remove it/],
    ['a line break in the host', 'https://files.ac\nme.test', /host name holds a space or line break/],
    ['a tab before the path', 'https://files.acme.test\t/s3', /host name holds a space or line break/],
    ['a space after the scheme', 'https:// files.acme.test', /host name holds a space or line break/],
    ['a malformed %-escape in the path', 'https://files.acme.test/a%zz', /malformed %-escape in its path/],
    ['a port out of range', 'https://files.acme.test:99999', /not a valid URL: write it like/],
    ['no host', 'https://', /not a valid URL/],
  ])('explains an endpoint with %s, without repeating it', (_name, endpoint, message) => {
    const result = validateDraft({ ...good, endpoint }, 'id1', NOW);
    expect(result.profile).toBeUndefined();
    expect(result.errors).toEqual({ endpoint: expect.stringMatching(message) });
    expect(result.errors?.endpoint).not.toContain('CANARY');
    expect(result.errors?.endpoint).not.toContain('acme');
  });
});
