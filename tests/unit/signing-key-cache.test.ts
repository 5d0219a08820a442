import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presign } from '@/utils/presign';
import { clearSigningKeys, signingKey, signingKeyCount } from '@/utils/signing-key-cache';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const base = {
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
  bucket: 'examplebucket',
  method: 'GET' as const,
  expiresIn: 3_600,
  now: new Date('2026-11-03T10:00:00Z'),
};

beforeEach(() => clearSigningKeys());
afterEach(() => vi.restoreAllMocks());

describe('signing key cache', () => {
  it('derives the key once for many links of the same day, region and secret', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    await presign({ ...base, key: 'first.txt' });
    const afterFirst = importKey.mock.calls.length;
    // Four HMAC steps import their key, and the result is imported once for signing.
    expect(afterFirst).toBe(5);
    for (let i = 0; i < 20; i++) await presign({ ...base, key: `file-${i}.txt` });
    expect(importKey.mock.calls.length).toBe(afterFirst);
    expect(signingKeyCount()).toBe(1);
  });

  it('shares one derivation between concurrent first uses', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    await Promise.all(Array.from({ length: 50 }, (_, i) => presign({ ...base, key: `bulk/${i}.txt` })));
    expect(importKey.mock.calls.length).toBe(5);
  });

  it('keeps one key per day, region and secret', async () => {
    await presign({ ...base, key: 'a' });
    await presign({ ...base, key: 'a', now: new Date('2026-11-04T00:00:01Z') });
    await presign({ ...base, key: 'a', region: 'eu-west-3' });
    await presign({ ...base, key: 'a', credentials: { ...base.credentials, secretAccessKey: `${SECRET}2` } });
    expect(signingKeyCount()).toBe(4);
  });

  it('gives a different key for another secret, day or region', async () => {
    const sign = async (key: CryptoKey): Promise<string> =>
      Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('x'))).toString('hex');
    const reference = await sign(await signingKey(SECRET, '20261103', 'us-east-1', 's3'));
    for (const other of [
      signingKey(`${SECRET}x`, '20261103', 'us-east-1', 's3'),
      signingKey(SECRET, '20261104', 'us-east-1', 's3'),
      signingKey(SECRET, '20261103', 'us-east-2', 's3'),
    ]) {
      expect(await sign(await other)).not.toBe(reference);
    }
  });

  it('stays bounded', async () => {
    for (let day = 1; day <= 40; day++) {
      await signingKey(SECRET, `202611${String(day).padStart(2, '0')}`, 'us-east-1', 's3');
    }
    expect(signingKeyCount()).toBeLessThanOrEqual(32);
  });

  it('does not keep a failed derivation', async () => {
    vi.spyOn(crypto.subtle, 'importKey').mockRejectedValueOnce(new Error('no crypto'));
    await expect(signingKey(SECRET, '20261103', 'us-east-1', 's3')).rejects.toThrow('no crypto');
    expect(signingKeyCount()).toBe(0);
    vi.restoreAllMocks();
    await expect(signingKey(SECRET, '20261103', 'us-east-1', 's3')).resolves.toBeDefined();
  });

  it('holds keys WebCrypto will not export', async () => {
    const key = await signingKey(SECRET, '20261103', 'us-east-1', 's3');
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});
