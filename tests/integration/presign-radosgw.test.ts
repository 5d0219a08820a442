import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Credentials, type PresignInput, presign } from '@/utils/presign';
import { AWKWARD_KEYS } from '../support/awkward-keys';
import { errorCode, rawRequest } from '../support/raw-http';
import { s3Client } from '../support/s3-client';

// The signing core against Ceph's radosgw, which checks every signature: links we sign must work, byte for
// byte, for every awkward key, and every forged or stale link must be refused.

const s3 = inject('s3');
const bucket = `presign-it-${Date.now().toString(36)}`;
// Uploads go to a bucket of their own, under the same keys (a prefix would push the longest key past 1,024 bytes).
const uploadBucket = `${bucket}-up`;
const owner: Credentials = s3.owner;

const client = s3Client(s3, s3.owner);

function body(name: string): Buffer {
  return Buffer.from(`contents of ${name}\n\u0000\u00ff binary tail`, 'utf8');
}

function sign(overrides: Partial<PresignInput>): Promise<string> {
  return presign({
    credentials: owner,
    region: s3.region,
    endpoint: s3.endpoint,
    bucket,
    key: 'plain.txt',
    method: 'GET',
    expiresIn: 300,
    now: new Date(),
    ...overrides,
  }).then((result) => result.url);
}

async function readBack(key: string, from = bucket): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: from, Key: key }));
  return Buffer.from(
    await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
  );
}

beforeAll(async () => {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await client.send(new CreateBucketCommand({ Bucket: uploadBucket }));
  for (const [, key] of AWKWARD_KEYS) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body(key) }));
  }
});

describe('presigned links on radosgw', () => {
  it('stores every awkward key exactly as given (NFC and NFD apart)', async () => {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(new Set(listed.Contents?.map((object) => object.Key))).toEqual(
      new Set(AWKWARD_KEYS.map(([, key]) => key)),
    );
  });

  it.each(AWKWARD_KEYS)('GET returns the exact bytes: %s', async (_name, key) => {
    const response = await rawRequest(await sign({ key }));
    expect(response.status, response.body.toString()).toBe(200);
    expect(response.body.equals(body(key))).toBe(true);
  });

  it.each(AWKWARD_KEYS)('PUT stores exactly what was sent: %s', async (_name, key) => {
    const uploaded = Buffer.from(`uploaded to ${key} through a signed link`);
    const response = await rawRequest(await sign({ bucket: uploadBucket, key, method: 'PUT' }), {
      method: 'PUT',
      body: uploaded,
    });
    expect(response.status, response.body.toString()).toBe(200);
    expect((await readBack(key, uploadBucket)).equals(uploaded)).toBe(true);
  });

  it('PUT with a signed Content-Type accepts that type and refuses another', async () => {
    const url = await sign({ key: 'typed.pdf', method: 'PUT', contentType: 'application/pdf' });
    const wrong = await rawRequest(url, {
      method: 'PUT',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrong.status).toBe(403);
    const right = await rawRequest(url, {
      method: 'PUT',
      body: '%PDF',
      headers: { 'content-type': 'application/pdf' },
    });
    expect(right.status).toBe(200);
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'typed.pdf' }));
    expect(object.ContentType).toBe('application/pdf');
  });

  it('GET honours response-content-disposition and response-content-type', async () => {
    const response = await rawRequest(
      await sign({
        responseContentDisposition: `attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`,
        responseContentType: 'text/x-test',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.txt`);
    expect(response.headers['content-type']).toBe('text/x-test');
  });
});

describe('radosgw refuses what we did not sign', () => {
  const tamper = (url: string, edit: (url: URL) => void): string => {
    const parsed = new URL(url);
    edit(parsed);
    return parsed.toString();
  };

  it('a tampered signature', async () => {
    const url = tamper(await sign({}), (u) => {
      const signature = u.searchParams.get('X-Amz-Signature') as string;
      u.searchParams.set('X-Amz-Signature', `${signature[0] === 'a' ? 'b' : 'a'}${signature.slice(1)}`);
    });
    const response = await rawRequest(url);
    expect([response.status, errorCode(response)]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('a link edited to point at another key', async () => {
    const url = (await sign({ key: 'plain.txt' })).replace('/plain.txt?', '/with%20space.txt?');
    const response = await rawRequest(url);
    expect([response.status, errorCode(response)]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('an edited expiry', async () => {
    const url = tamper(await sign({ expiresIn: 60 }), (u) => u.searchParams.set('X-Amz-Expires', '604800'));
    const response = await rawRequest(url);
    expect([response.status, errorCode(response)]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('a GET link used to upload', async () => {
    const response = await rawRequest(await sign({}), { method: 'PUT', body: 'overwrite' });
    expect([response.status, errorCode(response)]).toEqual([403, 'SignatureDoesNotMatch']);
    expect((await readBack('plain.txt')).equals(body('plain.txt'))).toBe(true);
  });

  it('a PUT link used to download', async () => {
    const response = await rawRequest(await sign({ method: 'PUT' }));
    expect([response.status, errorCode(response)]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('an expired link', async () => {
    const url = await sign({ expiresIn: 60, now: new Date(Date.now() - 3_600_000) });
    const response = await rawRequest(url);
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe('AccessDenied');
  });

  it('a link signed with the wrong secret', async () => {
    // The secret is random: change its last character to one it surely is not.
    const secret = owner.secretAccessKey;
    const wrong = `${secret.slice(0, -1)}${secret.endsWith('X') ? 'Y' : 'X'}`;
    expect(wrong).not.toBe(secret);
    const url = await sign({ credentials: { ...owner, secretAccessKey: wrong } });
    const response = await rawRequest(url);
    expect([response.status, errorCode(response)]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('a link signed by a user with no access to the bucket', async () => {
    const response = await rawRequest(await sign({ credentials: s3.stranger }));
    expect([response.status, errorCode(response)]).toEqual([403, 'AccessDenied']);
  });

  it('an unknown access key', async () => {
    const response = await rawRequest(
      await sign({ credentials: { ...owner, accessKeyId: 'AKIAUNKNOWNKEY000000' } }),
    );
    expect([response.status, errorCode(response)]).toEqual([403, 'InvalidAccessKeyId']);
  });
});

describe('temporary (STS) credentials', () => {
  // radosgw accepts session tokens on its STS-enabled gateway (same users and buckets); see scripts/radosgw.mjs.
  const session = () => {
    expect(s3.session, 'the radosgw fixture must provide STS session credentials').toBeDefined();
    return s3.session as NonNullable<typeof s3.session>;
  };
  /** A week-long GET link signed with the session's keys, with or without its known end. */
  const weekLinkFromSession = (withEnd: boolean) => {
    const { accessKeyId, secretAccessKey, sessionToken, expiration, endpoint } = session();
    return presign({
      credentials: {
        accessKeyId,
        secretAccessKey,
        sessionToken,
        ...(withEnd ? { expiration: new Date(expiration) } : {}),
      },
      region: s3.region,
      endpoint,
      bucket,
      key: 'plain.txt',
      method: 'GET',
      expiresIn: 604_800,
      now: new Date(),
    });
  };
  const signWithSession = (overrides: Partial<PresignInput> = {}) => {
    const { accessKeyId, secretAccessKey, sessionToken, expiration, endpoint } = session();
    return sign({
      endpoint,
      credentials: { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiration) },
      ...overrides,
    });
  };

  it('a link signed with a session token works and carries the token', async () => {
    const url = await signWithSession({ key: 'with space.txt' });
    expect(new URL(url).searchParams.get('X-Amz-Security-Token')).toBe(session().sessionToken);
    const response = await rawRequest(url);
    expect(response.status, response.body.toString()).toBe(200);
    expect(response.body.equals(body('with space.txt'))).toBe(true);
  });

  it('is cut to the session’s end, and says so', async () => {
    const result = await weekLinkFromSession(true);
    expect(result.expiresIn).toBeLessThanOrEqual(3_600);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['clamped-to-credentials']);
    expect((await rawRequest(result.url)).status).toBe(200);
  });

  it('with no known end, keeps the asked expiry and warns that the session may end the link first', async () => {
    const result = await weekLinkFromSession(false);
    expect(result.expiresIn).toBe(604_800);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['session-end-unknown']);
    expect((await rawRequest(result.url)).status).toBe(200);
  });

  it('a tampered session token is refused', async () => {
    const url = new URL(await signWithSession());
    const token = url.searchParams.get('X-Amz-Security-Token') as string;
    url.searchParams.set('X-Amz-Security-Token', `${token.slice(0, -4)}AAAA`);
    expect((await rawRequest(url.toString())).status).toBe(403);
  });

  it('the session keys without their token are refused', async () => {
    const { accessKeyId, secretAccessKey, endpoint } = session();
    const response = await rawRequest(
      await sign({ endpoint, credentials: { accessKeyId, secretAccessKey } }),
    );
    expect(response.status).toBe(403);
  });
});
