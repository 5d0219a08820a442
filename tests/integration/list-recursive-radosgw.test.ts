import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listAllObjects } from '@/utils/adapters/list-recursive';
import { ownerProfile } from '../support/radosgw-owner';
import { s3Client } from '../support/s3-client';

// Every object under a prefix, at any depth, for bulk links: paged past 1,000 keys, folder markers left out.

const s3 = inject('s3');
const bucket = `list-all-${Date.now().toString(36)}`;
const profile = ownerProfile(s3);
const client = s3Client(s3, s3.owner);
const COUNT = 1_205;
const keyOf = (i: number): string => `top/d${i % 3}/deeper-${i % 2}/k ${String(i).padStart(4, '0')} é.txt`;

beforeAll(async () => {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const put = (key: string, body = 'x') =>
    client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  await Promise.all([put('top/', ''), put('top/d0/', ''), put('topless.txt'), put('elsewhere/a.txt')]);
  for (let start = 0; start < COUNT; start += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, COUNT - start) }, (_, i) => put(keyOf(start + i), 'body')),
    );
  }
});

describe('listAllObjects on radosgw', () => {
  it('lists every object under the prefix at any depth, across pages, without folder markers', async () => {
    const progress: number[] = [];
    const objects = await listAllObjects(profile, bucket, 'top/', { onProgress: (n) => progress.push(n) });
    expect(objects).toHaveLength(COUNT);
    expect(new Set(objects.map((o) => o.key))).toEqual(
      new Set(Array.from({ length: COUNT }, (_, i) => keyOf(i))),
    );
    expect(objects.every((o) => o.size === 4)).toBe(true);
    // Two pages (1,000 keys each at most): progress after each. The markers "top/" and "top/d0/" count in the
    // first page's 1,000 keys but are not objects to link to.
    expect(progress).toEqual([998, COUNT]);
  });

  it('a prefix is a prefix, not a folder: "top" also takes "topless.txt"', async () => {
    const objects = await listAllObjects(profile, bucket, 'top');
    expect(objects).toHaveLength(COUNT + 1);
  });

  it('stops with "cancelled" when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(listAllObjects(profile, bucket, 'top/', { signal: abort.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
