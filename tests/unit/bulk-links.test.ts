import { describe, expect, it } from 'vitest';
import { type BulkObject, linksAsCsv, linksAsLines, progressText, signBulkLinks } from '@/utils/bulk-links';
import { presign } from '@/utils/presign';

const NOW = new Date('2026-11-29T12:00:00Z');
const SIGNING = {
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480',
  forcePathStyle: true,
  bucket: 'bulk',
  expiresIn: 3600,
  now: NOW,
};
const objects = (count: number): BulkObject[] =>
  Array.from({ length: count }, (_, i) => ({ key: `dir/key-${i}.txt`, size: i }));

describe('signBulkLinks', () => {
  it('signs each object exactly as a single link would be, in order', async () => {
    const result = await signBulkLinks(objects(5), SIGNING);
    expect(result.links.map((link) => link.key)).toEqual(objects(5).map((o) => o.key));
    const single = await presign({ ...SIGNING, key: 'dir/key-3.txt', method: 'GET' });
    expect(result.links[3]).toEqual({ key: 'dir/key-3.txt', size: 3, url: single.url });
    expect(result.expiresAt.toISOString()).toBe('2026-11-29T13:00:00.000Z');
    expect(result.warnings).toEqual([]);
  });

  it('works in chunks: progress after each, a pause between them (not after the last)', async () => {
    const progress: string[] = [];
    let pauses = 0;
    await signBulkLinks(objects(10), SIGNING, {
      chunkSize: 4,
      onProgress: (p) => progress.push(progressText(p)),
      pause: async () => {
        pauses++;
      },
    });
    expect(progress).toEqual(['Signing 4 / 10', 'Signing 8 / 10', 'Signing 10 / 10']);
    expect(pauses).toBe(2);
  });

  it('stops at the next chunk when cancelled', async () => {
    const abort = new AbortController();
    let done = 0;
    const run = signBulkLinks(objects(10), SIGNING, {
      chunkSize: 3,
      signal: abort.signal,
      onProgress: (p) => {
        done = p.done;
        if (p.done >= 3) abort.abort();
      },
      pause: async () => {},
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBe(3);
  });

  it('cuts every link to temporary credentials ending sooner, and says so once', async () => {
    const result = await signBulkLinks(objects(3), {
      ...SIGNING,
      credentials: {
        ...SIGNING.credentials,
        sessionToken: 'token',
        expiration: new Date('2026-11-29T12:10:00Z'),
      },
    });
    expect(result.expiresIn).toBe(600);
    expect(result.warnings).toHaveLength(1);
    expect(result.links.every((link) => link.url.includes('X-Amz-Expires=600'))).toBe(true);
  });

  it('fails with the signing error (bad credentials) rather than half a list', async () => {
    await expect(
      signBulkLinks(objects(2), { ...SIGNING, credentials: { accessKeyId: 'A B', secretAccessKey: 'x' } }),
    ).rejects.toMatchObject({ code: 'invalid-credentials' });
  });

  it('signs 10,000 links', async () => {
    const result = await signBulkLinks(objects(10_000), SIGNING, { pause: async () => {} });
    expect(result.links).toHaveLength(10_000);
    expect(new Set(result.links.map((link) => link.url)).size).toBe(10_000);
  });
});

describe('formats', () => {
  const links = [
    { key: 'a.txt', size: 1, url: 'http://h/b/a.txt?X=1' },
    { key: '=bad,"name".csv', size: 22, url: 'http://h/b/%3Dbad%2C%22name%22.csv?X=2' },
  ];

  it('lines: one URL per line', () => {
    expect(linksAsLines(links)).toBe('http://h/b/a.txt?X=1\nhttp://h/b/%3Dbad%2C%22name%22.csv?X=2');
  });

  it('CSV: header, then key, size, url, expires; awkward keys quoted and guarded', () => {
    expect(linksAsCsv(links, new Date('2026-11-29T13:00:00Z'))).toBe(
      'key,size,url,expires\r\n' +
        'a.txt,1,http://h/b/a.txt?X=1,2026-11-29T13:00:00.000Z\r\n' +
        `"'=bad,""name"".csv",22,http://h/b/%3Dbad%2C%22name%22.csv?X=2,2026-11-29T13:00:00.000Z\r\n`,
    );
  });
});
