import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPostPolicy } from '@/utils/adapters/post-policy-sign';
import { FILENAME, formFields, type PostPolicyOptions } from '@/utils/post-policy';
import { ownerProfile } from '../support/radosgw-owner';
import { s3Client } from '../support/s3-client';

// Does radosgw take SigV4 browser-form uploads (POST policy) signed by @aws-sdk/s3-presigned-post, and does it
// enforce their conditions? Each upload sends the generated fields, then the file last, as a form would.

const s3 = inject('s3');
const bucket = `post-policy-${Date.now().toString(36)}`;
const profile = ownerProfile(s3);
const client = s3Client(s3, s3.owner);

async function upload(
  options: Partial<PostPolicyOptions>,
  file: { name: string; body: string },
  contentType?: string,
  now = new Date(),
): Promise<{ status: number; body: string }> {
  const post = await signPostPolicy(
    profile,
    bucket,
    { keyMode: 'prefix', key: 'drop/', expiresIn: 300, ...options },
    now,
  );
  const form = new FormData();
  for (const [name, value] of formFields(post, contentType)) form.append(name, value);
  form.append('file', new Blob([file.body]), file.name);
  const response = await fetch(post.url, { method: 'POST', body: form });
  return { status: response.status, body: await response.text() };
}

async function read(key: string): Promise<{ body: string; type: string | undefined }> {
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { body: (await out.Body?.transformToString()) ?? '', type: out.ContentType };
}

beforeAll(async () => {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
});

describe('POST policy on radosgw', () => {
  it(`accepts an upload under the folder, the key taking the file name (S3 fills in ${FILENAME})`, async () => {
    const result = await upload({ maxBytes: 1024 }, { name: 'hello été.txt', body: 'hello' });
    expect(result.status).toBe(204);
    expect((await read('drop/hello été.txt')).body).toBe('hello');
  });

  it('accepts the one exact key, and refuses another', async () => {
    const ok = await upload({ keyMode: 'exact', key: 'drop/exact.txt' }, { name: 'x.txt', body: 'exact' });
    expect(ok.status).toBe(204);
    expect((await read('drop/exact.txt')).body).toBe('exact');
    const post = await signPostPolicy(
      profile,
      bucket,
      { keyMode: 'exact', key: 'drop/exact.txt', expiresIn: 300 },
      new Date(),
    );
    const form = new FormData();
    for (const [name, value] of formFields(post)) form.append(name, name === 'key' ? 'elsewhere.txt' : value);
    form.append('file', new Blob(['nope']), 'x.txt');
    const response = await fetch(post.url, { method: 'POST', body: form });
    expect(response.status).toBe(403);
  });

  it('refuses a file above the maximum size with 400 EntityTooLarge', async () => {
    const result = await upload({ maxBytes: 10 }, { name: 'big.txt', body: 'x'.repeat(11) });
    expect(result.status).toBe(400);
    expect(result.body).toContain('EntityTooLarge');
  });

  it('enforces the Content-Type prefix', async () => {
    const ok = await upload({ contentTypePrefix: 'image/' }, { name: 'p.png', body: 'png' }, 'image/png');
    expect(ok.status).toBe(204);
    expect((await read('drop/p.png')).type).toBe('image/png');
    const bad = await upload({ contentTypePrefix: 'image/' }, { name: 't.txt', body: 't' }, 'text/plain');
    expect(bad.status).toBe(403);
  });

  it('refuses an expired policy', async () => {
    const result = await upload(
      { expiresIn: 1 },
      { name: 'late.txt', body: 'late' },
      undefined,
      new Date(Date.now() - 60_000),
    );
    expect(result.status).toBe(403);
  });
});
