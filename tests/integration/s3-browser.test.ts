import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createS3Browser, type S3BrowserOptions } from '@/utils/adapters/s3-browser';
import { decodeListingKey, listingDecoder } from '@/utils/adapters/s3-browser-keys';
import { testConnection } from '@/utils/adapters/test-connection';
import { isPresignError, type PresignError, type PresignErrorCode } from '@/utils/errors';
import type { Profile } from '@/utils/profile';
import { isScopeRegion } from '@/utils/region';
import type { S3AccessError } from '@/utils/s3-errors';
import { AWKWARD_KEYS } from '../support/awkward-keys';
import { s3Client } from '../support/s3-client';

// The browsing layer against radosgw, which checks every signature and permission for real. Not reproducible
// here: a bucket in another region (radosgw signs and answers for any region name and never sends 301), so
// wrong-region is covered by tests/unit/s3-errors.test.ts with AWS's own answers.

const s3 = inject('s3');
const run = Date.now().toString(36);
const bucket = `browse-${run}`;
const awkBucket = `browse-${run}-awk`;
const versionBucket = `browse-${run}-ver`;
const grantBucket = `browse-${run}-grant`;
const headOnlyBucket = `browse-${run}-head`;
const MANY = 1_100;
const manyKeys = Array.from({ length: MANY }, (_, i) => `many/key-${String(i).padStart(4, '0')}.txt`);
// Characters XML 1.0 cannot carry raw (or that XML parsers rewrite): why listings ask for EncodingType=url.
const CONTROL_KEYS = ['control\u0001char.txt', 'carriage\rreturn.txt', 'tab\tname.txt', 'delete\u007f.txt'];
const awkwardKeys = [...AWKWARD_KEYS.map(([, key]) => key), ...CONTROL_KEYS];

const owner = s3Client(s3, s3.owner);

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'p',
    name: 'radosgw',
    ...s3.owner,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    ...overrides,
  };
}

const browse = (overrides: Partial<Profile> = {}, options: S3BrowserOptions = {}) =>
  createS3Browser(profile(overrides), options);

async function failure(promise: Promise<unknown>, code: PresignErrorCode): Promise<S3AccessError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isPresignError(error), String(error)).toBe(true);
  expect((error as PresignError).code, (error as PresignError).message).toBe(code);
  return error as S3AccessError;
}

const put = (Bucket: string, Key: string, Body = `body of ${Key}`) =>
  owner.send(new PutObjectCommand({ Bucket, Key, Body }));

/** A bucket policy for the no-list-buckets user. */
function grant(Bucket: string, statements: object[]): Promise<unknown> {
  const Principal = { AWS: [`arn:aws:iam:::user/${s3.noListBuckets?.uid}`] };
  const Statement = statements.map((statement) => ({
    Principal,
    Resource: [`arn:aws:s3:::${Bucket}`],
    ...statement,
  }));
  return owner.send(
    new PutBucketPolicyCommand({ Bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement }) }),
  );
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  for (const name of [bucket, awkBucket, versionBucket, grantBucket, headOnlyBucket]) {
    await owner.send(new CreateBucketCommand({ Bucket: name }));
  }
  const started = performance.now();
  for (let i = 0; i < manyKeys.length; i += 50) {
    await Promise.all(manyKeys.slice(i, i + 50).map((key) => put(bucket, key, 'x')));
  }
  console.log(`seeded ${MANY} keys in ${Math.round(performance.now() - started)} ms`);
  await Promise.all(
    ['root.txt', 'docs/a.txt', 'docs/b.txt', 'docs/sub/c.txt'].map((key) => put(bucket, key)),
  );
  await Promise.all(awkwardKeys.map((key) => put(awkBucket, key)));

  await owner.send(
    new PutBucketVersioningCommand({ Bucket: versionBucket, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  for (const body of ['one', 'two', 'three']) await put(versionBucket, 'report.txt', body);
  await put(versionBucket, 'report.txt.bak', 'other key, same prefix');
  for (const body of ['first', 'second']) await put(versionBucket, 'q 1+%.txt', body);
  await owner.send(new DeleteObjectCommand({ Bucket: versionBucket, Key: 'report.txt' }));

  await put(headOnlyBucket, 'secret.txt');
  await grant(grantBucket, [{ Effect: 'Allow', Action: ['s3:ListBucket'] }]);
  // radosgw sets s3:max-keys only for listings, so this denies ListObjects but lets HeadBucket through.
  await grant(headOnlyBucket, [
    { Effect: 'Allow', Action: ['s3:ListBucket'] },
    {
      Effect: 'Deny',
      Action: ['s3:ListBucket'],
      Condition: { NumericLessThanEquals: { 's3:max-keys': '100000' } },
    },
  ]);
});

describe('listing on radosgw', () => {
  it('lists the buckets', async () => {
    const buckets = await browse().listBuckets();
    expect(buckets.map((entry) => entry.name)).toEqual(expect.arrayContaining([bucket, awkBucket]));
    expect(buckets.find((entry) => entry.name === bucket)?.creationDate).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lists with any region a self-hosted store may be set to (capitals kept, as the setup form accepts)', async () => {
    expect(isScopeRegion('zg-EU')).toBe(true);
    const buckets = await browse({ region: 'zg-EU' }).listBuckets();
    expect(buckets.map((entry) => entry.name)).toContain(bucket);
  });

  it('splits a folder into sub-folders and files', async () => {
    const root = await browse().listPage(bucket, { prefix: '', delimiter: '/' });
    expect(root).toMatchObject({ prefixes: ['docs/', 'many/'], isTruncated: false });
    expect(root.objects.map((object) => object.key)).toEqual(['root.txt']);

    const docs = await browse().listPage(bucket, { prefix: 'docs/', delimiter: '/' });
    expect(docs.prefixes).toEqual(['docs/sub/']);
    expect(docs.objects).toEqual([
      expect.objectContaining({ key: 'docs/a.txt', size: 'body of docs/a.txt'.length }),
      expect.objectContaining({ key: 'docs/b.txt', size: 'body of docs/b.txt'.length }),
    ]);
    const [first] = docs.objects;
    expect(first?.etag).toBe(createHash('md5').update('body of docs/a.txt').digest('hex'));
    expect(Math.abs(Date.parse(first?.lastModified ?? '') - Date.now())).toBeLessThan(10 * 60_000);
  });

  it(`pages through ${MANY} keys with continuation tokens, each key once, in order`, async () => {
    const s3Browser = browse();
    const started = performance.now();
    const first = await s3Browser.listPage(bucket, { prefix: 'many/', delimiter: '/' });
    console.log(`listPage: ${first.objects.length} keys in ${Math.round(performance.now() - started)} ms`);
    expect(first.objects).toHaveLength(1_000);
    expect(first.isTruncated).toBe(true);
    expect(first.nextContinuationToken).toBeTruthy();

    const second = await s3Browser.listPage(bucket, {
      prefix: 'many/',
      delimiter: '/',
      continuationToken: first.nextContinuationToken as string,
    });
    expect(second).toMatchObject({ isTruncated: false, prefixes: [] });
    expect(second.nextContinuationToken).toBeUndefined();
    expect([...first.objects, ...second.objects].map((object) => object.key)).toEqual(manyKeys);
  });

  it('keeps pages to maxKeys', async () => {
    const page = await browse().listPage(bucket, { prefix: 'many/', maxKeys: 7 });
    expect(page.objects.map((object) => object.key)).toEqual(manyKeys.slice(0, 7));
    expect(page.isTruncated).toBe(true);
  });

  it('returns every awkward key exactly as it was stored', async () => {
    const page = await browse().listPage(awkBucket, { prefix: '' });
    expect(page.objects.map((object) => object.key).sort()).toEqual([...awkwardKeys].sort());
  });

  it('splits awkward keys into folders exactly', async () => {
    const page = await browse().listPage(awkBucket, { prefix: '', delimiter: '/' });
    const folders = new Set(
      awkwardKeys.filter((key) => key.includes('/')).map((key) => key.slice(0, key.indexOf('/') + 1)),
    );
    expect(new Set(page.prefixes)).toEqual(folders);
    expect(new Set(page.objects.map((object) => object.key))).toEqual(
      new Set(awkwardKeys.filter((key) => !key.includes('/'))),
    );
  });

  it.each([
    ['plus+', ['plus+sign.txt']],
    ['100%', ['100%.txt']],
    ['literal%20', ['literal%20not-a-space.txt']],
    ['with ', ['with space.txt']],
    ['cafe\u0301', ['cafe\u0301.txt']],
    ['😀/', ['😀/🎉 party.txt']],
  ])('sends an awkward prefix as it is: %s', async (prefix, keys) => {
    const page = await browse().listPage(awkBucket, { prefix });
    expect(page.objects.map((object) => object.key)).toEqual(keys);
  });

  it("lists one key's versions and delete markers, newest first, not those of longer keys", async () => {
    const versions = await browse().listVersions(versionBucket, 'report.txt');
    expect(versions.map((version) => [version.deleteMarker, version.isLatest, version.size])).toEqual([
      [true, true, undefined],
      [false, false, 5],
      [false, false, 3],
      [false, false, 3],
    ]);
    expect(new Set(versions.map((version) => version.versionId)).size).toBe(4);
    const times = versions.map((version) => Date.parse(version.lastModified ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('lists the versions of an awkward key', async () => {
    const versions = await browse().listVersions(versionBucket, 'q 1+%.txt');
    expect(versions.map((version) => [version.isLatest, version.size])).toEqual([
      [true, 'second'.length],
      [false, 'first'.length],
    ]);
  });

  it('heads a bucket', async () => {
    await expect(browse().headBucket(bucket)).resolves.toBeTypeOf('object');
  });

  it('lists with STS session credentials on the gateway that takes them', async () => {
    const session = s3.session;
    expect(session, 'the global setup could not get an STS session').toBeDefined();
    if (!session) return;
    const { accessKeyId, secretAccessKey, sessionToken, endpoint, expiration } = session;
    const temporary = { accessKeyId, secretAccessKey, sessionToken, endpoint, sessionExpiration: expiration };
    const page = await browse(temporary).listPage(bucket, { prefix: 'docs/', delimiter: '/' });
    expect(page.prefixes).toEqual(['docs/sub/']);
  });
});

describe('decoding url-encoded listings', () => {
  it.each([
    ['AWS: space as +', 'with+space.txt', 'with space.txt'],
    ['AWS and radosgw: + as %2B', 'plus%2Bsign.txt', 'plus+sign.txt'],
    ['radosgw: space as %20', '%20lead', ' lead'],
    ['a literal %20', 'literal%2520.txt', 'literal%20.txt'],
    ['UTF-8', 'caf%C3%A9%2F%F0%9F%98%80', 'café/😀'],
    ['not valid %-encoding: kept', '100%.txt', '100%.txt'],
  ])('%s', (_, encoded, key) => {
    expect(decodeListingKey(encoded)).toBe(key);
  });

  it('leaves keys alone when the server did not encode them', () => {
    expect(listingDecoder(undefined)('a+b%20c')).toBe('a+b%20c');
    expect(listingDecoder('url')('a+b%20c')).toBe('a b c');
  });
});

describe('browsing failures on radosgw, explained', () => {
  it('a wrong access key', async () => {
    const error = await failure(
      browse({ accessKeyId: 'AKIAWRONGWRONGWRONG1' }).listBuckets(),
      'invalid-access-key',
    );
    expect(error.message).toContain(new URL(s3.endpoint).host);
  });

  it('a wrong secret', async () => {
    const secret = s3.owner.secretAccessKey;
    const wrong = `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`;
    const error = await failure(
      browse({ secretAccessKey: wrong }).listPage(bucket, { prefix: '' }),
      'signature-mismatch',
    );
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(secret);
  });

  it("another user listing the owner's private bucket", async () => {
    const error = await failure(browse(s3.stranger).listPage(bucket, { prefix: '' }), 'access-denied');
    expect(error.message).toContain(`may not list bucket ${bucket}`);
    expect(error.message).toContain('s3:ListBucket');
    const versions = await failure(
      browse(s3.stranger).listVersions(versionBucket, 'report.txt'),
      'access-denied',
    );
    expect(versions.message).toContain('s3:ListBucketVersions');
  });

  it('a bucket that does not exist', async () => {
    const missing = `${bucket}-missing`;
    const listed = await failure(browse().listPage(missing, { prefix: '' }), 'no-such-bucket');
    expect(listed.message).toContain(`no bucket ${missing}`);
    await failure(browse().headBucket(missing), 'no-such-bucket');
  });

  it('a clock 30 minutes fast', async () => {
    const error = await failure(browse({}, { systemClockOffset: 30 * 60_000 }).listBuckets(), 'clock-skew');
    expect(error.message).toContain("This computer's clock is 30 minutes ahead of");
    expect(Math.abs((error.clockOffsetMs ?? 0) - 30 * 60_000)).toBeLessThan(5_000);
  });

  it('a host that does not answer fails fast, naming it', async () => {
    const port = await closedPort();
    const started = performance.now();
    const error = await failure(browse({ endpoint: `http://127.0.0.1:${port}` }).listBuckets(), 'network');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.message).toContain(`Could not reach 127.0.0.1:${port}: nothing answers`);
  });

  it('a listing cancelled by its signal', async () => {
    const abort = new AbortController();
    const listing = browse({}, { signal: abort.signal }).listPage(bucket, { prefix: 'many/' });
    abort.abort();
    await failure(listing, 'cancelled');
    await failure(browse({}, { signal: abort.signal }).listBuckets(), 'cancelled');
  });

  it('ended temporary credentials, before any request', async () => {
    const session = s3.session;
    expect(session, 'the global setup could not get an STS session').toBeDefined();
    if (!session) return;
    const { accessKeyId, secretAccessKey, sessionToken, endpoint } = session;
    // The same keys work on the server: only the recorded end stops them.
    const ended = {
      accessKeyId,
      secretAccessKey,
      sessionToken,
      endpoint,
      sessionExpiration: new Date(Date.now() - 1_000).toISOString(),
    };
    const error = await failure(browse(ended).listBuckets(), 'credentials-expired');
    expect(error.message).toContain('Get fresh ones');
    const report = await testConnection(profile(ended), new Date());
    expect(!report.ok && report.error.code).toBe('credentials-expired');
    const valid = await testConnection(
      profile({ ...ended, sessionExpiration: session.expiration }),
      new Date(),
    );
    expect(valid.ok).toBe(true);
  });
});

describe('testConnection on radosgw', () => {
  const noList = (): Partial<Profile> => {
    const user = s3.noListBuckets;
    expect(user, 'the global setup could not create the no-list-buckets user').toBeDefined();
    return { accessKeyId: user?.accessKeyId ?? '', secretAccessKey: user?.secretAccessKey ?? '' };
  };

  it('lists the buckets of keys that may', async () => {
    const report = await testConnection(profile(), new Date());
    expect(report).toMatchObject({ ok: true, via: 'list-buckets' });
    expect(report.ok && report.buckets).toContain(bucket);
  });

  it('explains keys that are wrong', async () => {
    const report = await testConnection(profile({ secretAccessKey: 'x'.repeat(40) }), new Date());
    expect(!report.ok && report.error.code).toBe('signature-mismatch');
  });

  it('explains a down host', async () => {
    const report = await testConnection(
      profile({ endpoint: `http://127.0.0.1:${await closedPort()}` }),
      new Date(),
    );
    expect(!report.ok && report.error.code).toBe('network');
  });

  it('says ListBuckets is denied when there is no default bucket to try', async () => {
    const keys = noList();
    await failure(browse(keys).listBuckets(), 'access-denied');
    const report = await testConnection(profile(keys), new Date());
    expect(!report.ok && report.error.code).toBe('access-denied');
    expect(!report.ok && report.error.message).toContain('s3:ListAllMyBuckets');
  });

  it('falls back to the default bucket when ListBuckets is denied', async () => {
    const report = await testConnection(profile({ ...noList(), defaultBucket: grantBucket }), new Date());
    expect(report).toMatchObject({ ok: true, via: 'head-bucket', buckets: [grantBucket] });
    expect(report.ok && report.note).toContain(`opens bucket ${grantBucket} directly.`);
  });

  it('reaches a bucket it may head but not list, and says what will not work', async () => {
    const report = await testConnection(profile({ ...noList(), defaultBucket: headOnlyBucket }), new Date());
    expect(report).toMatchObject({ ok: true, via: 'head-bucket', buckets: [headOnlyBucket] });
    expect(report.ok && report.note).toMatch(/cannot show its objects: .*s3:ListBucket/);
  });

  it.each([
    ['no access to', () => bucket, 'access-denied'],
    ['no such', () => `${bucket}-missing`, 'no-such-bucket'],
  ])('fails on a default bucket it has %s', async (_, name, code) => {
    const report = await testConnection(profile({ ...noList(), defaultBucket: name() }), new Date());
    expect(!report.ok && report.error.code).toBe(code);
    expect(!report.ok && report.error.message).toContain(name());
  });
});
