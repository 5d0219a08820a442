// Proves the test S3 server is a strict one: correct signatures work byte for byte, a wrong secret is refused,
// and users are isolated. If this file fails, every other integration result is meaningless.
import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const s3 = inject('s3');

/** @param credentials only these keys: the fixture's `expiration` is a string, the SDK wants a Date */
function client(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  endpoint = s3.endpoint,
) {
  return new S3Client({ endpoint, region: s3.region, forcePathStyle: true, credentials });
}

/** The error a request fails with; radosgw sends an empty <Message>, so tests look at name and status. */
async function failure(request: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await request;
  } catch (error) {
    return error as S3ServiceException;
  }
  throw new Error('expected the request to be refused, but it succeeded');
}

describe('radosgw test server', () => {
  const bucket = `smoke-${randomBytes(6).toString('hex')}`;
  const key = 'dir/all bytes ü.bin';
  // Every byte value, so any text decoding or truncation on the way shows up.
  const body = new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256));
  const owner = client(s3.owner);

  beforeAll(async () => {
    await owner.send(new CreateBucketCommand({ Bucket: bucket }));
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  });

  it('returns an object exactly as it was put', async () => {
    const got = await owner.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await got.Body?.transformToByteArray()).toEqual(body);
  });

  it('refuses a request signed with the wrong secret', async () => {
    const secret = s3.owner.secretAccessKey;
    const wrong = `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`; // off by one character
    const forger = client({ ...s3.owner, secretAccessKey: wrong });
    const error = await failure(forger.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("does not let another user read the owner's object", async () => {
    const error = await failure(client(s3.stranger).send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  describe.runIf(s3.session)('STS session credentials', () => {
    const session = s3.session ?? {
      endpoint: '',
      accessKeyId: '',
      secretAccessKey: '',
      sessionToken: '',
      expiration: '',
    };
    const { accessKeyId, secretAccessKey, sessionToken, endpoint } = session;

    it('read the object on the STS endpoint', async () => {
      const got = await client({ accessKeyId, secretAccessKey, sessionToken }, endpoint).send(
        new GetObjectCommand({ Bucket: bucket, Key: key }),
      );
      expect(await got.Body?.transformToByteArray()).toEqual(body);
      expect(Date.parse(session.expiration)).toBeGreaterThan(Date.now());
    });

    it('are refused without the session token', async () => {
      const request = client({ accessKeyId, secretAccessKey }, endpoint).send(
        new GetObjectCommand({ Bucket: bucket, Key: key }),
      );
      expect((await failure(request)).$metadata.httpStatusCode).toBe(403);
    });
  });
});
