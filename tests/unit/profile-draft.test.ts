import { describe, expect, it } from 'vitest';
import {
  bucketInEndpoint,
  cleanPasted,
  looksLikeSecret,
  type ProfileDraft,
  secretAsKeyId,
  validateDraft,
} from '@/utils/profile-draft';
import { buildProfile } from '@/utils/profile-setup';
import { exampleKeysDraft } from '../support/profiles';

const NOW = new Date('2026-11-22T10:00:00Z');
const good: ProfileDraft = exampleKeysDraft;

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
      /already expired.*update or clear the Session expires field; if not, get fresh ones/,
    ],
    [
      'an expiry left behind by temporary keys, over permanent ones without a token',
      { sessionExpiration: '2026-11-22T11:00:00Z' },
      'sessionExpiration',
      /^Clear the Session expires field: these keys have no session token/,
    ],
    [
      'an unreadable expiration',
      { sessionToken: 't', sessionExpiration: 'tomorrow' },
      'sessionExpiration',
      /date and time/,
    ],
    ['a bad region', { region: 'Frankfurt' }, 'region', /like us-east-1/],
    [
      'a region with a space on a custom endpoint',
      { endpoint: 'https://minio.example.com', region: 'zg eu' },
      'region',
      /region your server is set to: letters, digits and “-”/,
    ],
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

describe('validateDraft: the session expiry belongs to a session token', () => {
  const temporary = { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'IQoJb3JpZ2luX2Vj' };

  it('refuses permanent keys pasted over temporary ones while the old expiry is still filled in', () => {
    // Editing fills the form with the stored expiry; saved with AKIA keys it would cut every link short at that
    // time, then refuse to sign ("temporary credentials expired").
    const result = validateDraft({ ...good, sessionExpiration: '2026-11-22T11:00' }, 'id1', NOW);
    expect(result.profile).toBeUndefined();
    expect(result.errors).toEqual({ sessionExpiration: expect.stringMatching(/Clear the Session expires/) });
  });

  it('asks only for the token of ASIA keys, not also to clear the expiry', () => {
    const result = validateDraft(
      { ...good, accessKeyId: temporary.accessKeyId, sessionExpiration: '2026-11-22T11:00:00Z' },
      'id1',
      NOW,
    );
    expect(Object.keys(result.errors ?? {})).toEqual(['sessionToken']);
  });

  it('saves fresh temporary keys with a future expiry, and permanent keys with none', () => {
    expect(
      validateDraft({ ...good, ...temporary, sessionExpiration: '2026-11-22T11:00:00Z' }, 'id1', NOW).profile,
    ).toMatchObject({ sessionToken: temporary.sessionToken, sessionExpiration: '2026-11-22T11:00:00.000Z' });
    expect(validateDraft({ ...good, sessionExpiration: '' }, 'id1', NOW).profile).not.toHaveProperty(
      'sessionExpiration',
    );
  });

  it('says the expiry field may be what is stale when fresh keys come with the old expiry', () => {
    const result = validateDraft(
      { ...good, ...temporary, sessionExpiration: '2026-11-22T09:00:00Z' },
      'id1',
      NOW,
    );
    expect(result.errors?.sessionExpiration).toMatch(
      /If you pasted fresh ones, update or clear the Session expires field/,
    );
    expect(result.errors?.sessionExpiration).not.toContain(temporary.sessionToken);
  });
});

describe('looksLikeSecret: a secret pasted in the key ID field', () => {
  const BLOCKS = /^This looks like a secret access key: paste it in the secret field/;
  const WARNS =
    'The access key ID looks like a secret access key, not a key ID: check the two fields are not swapped.';

  it.each([
    ['an AWS secret with / and +', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['a DigitalOcean/Oracle-style secret with +', 'u8jzPde0IgxLd6GncfBAepfJB+0Kh8oOOL8dKLzdAb3='],
  ])('refuses to save %s: no key ID holds / or +', (_name, secret) => {
    expect(looksLikeSecret(secret)).toBe(true);
    expect(secretAsKeyId(secret, good.secretAccessKey)).toEqual({
      blocks: true,
      message: expect.stringMatching(BLOCKS),
    });
    const result = validateDraft({ ...good, accessKeyId: secret }, 'id1', NOW);
    expect(result.errors?.accessKeyId).toMatch(BLOCKS);
    expect(JSON.stringify(result.errors)).not.toContain(secret);
  });

  it('refuses to save when the secret field holds an AWS key ID: the two fields are swapped', () => {
    const secret = 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzd';
    const swapped = { ...good, accessKeyId: secret, secretAccessKey: ' AKIAIOSFODNN7EXAMPLE ' };
    expect(validateDraft(swapped, 'id1', NOW).errors?.accessKeyId).toMatch(BLOCKS);
  });

  it.each([
    ['an AWS secret with neither / nor +', 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzd'],
    ['a 44-character secret with neither / nor +', 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzdAb3='],
    ['an R2 secret (64 hex)', '7149d439536b3216fdaeeb975729fae923d5a4fd12aabfe228f219e9cb0eb53f'],
    ['an IBM COS HMAC secret (48 hex)', '7149d439536b3216fdaeeb975729fae923d5a4fd12aabfe2'],
    ['a MinIO key ID an admin chose', 'BackupService2026NightlyJobsForTheArchive'],
  ])('saves, with a warning, what may be a key ID a MinIO admin chose: %s', (_name, keyId) => {
    expect(looksLikeSecret(keyId)).toBe(true);
    expect(secretAsKeyId(keyId, good.secretAccessKey)).toEqual({ blocks: false, message: WARNS });
    const result = validateDraft({ ...good, accessKeyId: keyId }, 'id1', NOW);
    expect(result.errors).toBeUndefined();
    expect(result.profile?.accessKeyId).toBe(keyId);
  });

  it.each([
    ['an AWS key ID', 'AKIAIOSFODNN7EXAMPLE'],
    ['an AWS temporary key ID', 'ASIAIOSFODNN7EXAMPLE'],
    ['an R2 key ID (32 hex)', '16947ccf25ec84d8dbc74254770f5890'],
    ['MinIO’s default', 'minioadmin'],
    ['a MinIO generated key', 'Q3AM3UQ867SPQQA43P2F'],
    ['a long MinIO key chosen by hand', 'backup-service-account-for-the-nightly-jobs'],
    ['an Oracle customer secret key ID (40 hex)', '4dba41ecccc3fc1626e53a13043b026c48bbf33f'],
    ['a GCS HMAC key ID (61 characters)', 'GOOG1E344TFJGVQ4K7BN7XJ8B7TFQ7XKWO886VOMPZOM75WBBR4QMW2WXFOGO'],
    ['a 128-character key ID in capitals', 'AKIA'.padEnd(128, 'Q7')],
  ])('lets a real one through without a word: %s', (_name, keyId) => {
    expect(looksLikeSecret(keyId)).toBe(false);
    expect(secretAsKeyId(keyId, good.secretAccessKey)).toBeUndefined();
    const draft = { ...good, accessKeyId: keyId, sessionToken: keyId.startsWith('ASIA') ? 'IQoJb3' : '' };
    expect(validateDraft(draft, 'id1', NOW).errors).toBeUndefined();
  });
});

describe('validateDraft: a bucket in the endpoint’s path', () => {
  const minio = { ...good, endpoint: 'https://minio.example.com/my-bucket' };

  it('refuses the default bucket as the endpoint’s path: links would name it twice', () => {
    const result = validateDraft({ ...minio, defaultBucket: 'my-bucket' }, 'id1', NOW);
    expect(result.profile).toBeUndefined();
    expect(result.errors).toEqual({
      endpoint: expect.stringMatching(/^The endpoint ends in \/my-bucket, the default bucket: remove it/),
    });
  });

  it('puts that message under the endpoint field of the S3-compatible store', () => {
    const result = buildProfile(
      { ...good, defaultBucket: 'my-bucket' },
      'custom',
      { endpoint: 'https://minio.example.com/my-bucket', region: 'us-east-1' },
      'id1',
      NOW,
    );
    expect(result.errors).toEqual({ endpoint: expect.stringMatching(/ends in \/my-bucket/) });
  });

  it('saves a bucket-like path when no default bucket is set, with a warning for the form', () => {
    expect(validateDraft(minio, 'id1', NOW).profile?.endpoint).toBe('https://minio.example.com/my-bucket');
    expect(bucketInEndpoint(minio.endpoint, '')).toEqual({
      blocks: false,
      message:
        'The endpoint ends in /my-bucket: if that is a bucket, remove it from the endpoint and put it in Default bucket. Keep it if your store serves S3 under that path.',
    });
  });

  it.each([
    ['a path prefix that is no bucket name', 'https://gw.example.com/s3', ''],
    ['a path prefix in capitals', 'https://gw.example.com/S3Gateway', ''],
    ['a nested path prefix', 'https://gw.example.com/storage/s3', ''],
    ['no path', 'https://minio.example.com', ''],
    ['a path that is not the default bucket', 'https://gw.example.com/storage', 'photos'],
    ['a malformed endpoint (its own error says so)', 'minio.example.com/my-bucket', ''],
  ])('says nothing of %s', (_name, endpoint, defaultBucket) => {
    expect(bucketInEndpoint(endpoint, defaultBucket)).toBeUndefined();
  });
});

describe('regions of self-hosted stores', () => {
  it('accepts a MinIO or Ceph region with capitals on a custom endpoint (not "_", which listing refuses), not for AWS', () => {
    const custom = validateDraft(
      { ...good, endpoint: 'https://minio.example.com', region: 'zg-EU' },
      'p1',
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(custom.errors).toBeUndefined();
    expect(custom.profile?.region).toBe('zg-EU');
    const underscore = validateDraft(
      { ...good, endpoint: 'https://minio.example.com', region: 'zg_eu' },
      'p1',
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(underscore.errors?.region).toMatch(/letters, digits and “-”/);
    const aws = validateDraft({ ...good, region: 'zg-EU' }, 'p1', new Date('2026-11-22T10:00:00Z'));
    expect(aws.errors?.region).toMatch(/like us-east-1/);
  });
});
