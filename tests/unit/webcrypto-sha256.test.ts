import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebCryptoSha256 } from '@/utils/webcrypto-sha256';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

async function digest(chunks: (string | Uint8Array)[], secret?: string | Uint8Array): Promise<string> {
  const hash = new WebCryptoSha256(secret);
  for (const chunk of chunks) hash.update(chunk);
  return hex(await hash.digest());
}

describe('WebCryptoSha256', () => {
  it('hashes the empty string to the known SHA-256', async () => {
    expect(await digest([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('computes RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe")', async () => {
    expect(await digest(['what do ya want ', 'for nothing?'], 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('reads a view into a larger buffer from its own offset only', async () => {
    const backing = new TextEncoder().encode('xxabcxx');
    expect(await digest([backing.subarray(2, 5)])).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('forgets what it was given after reset', async () => {
    const hash = new WebCryptoSha256();
    hash.update('stale');
    hash.reset();
    hash.update('abc');
    expect(hex(await hash.digest())).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('agrees with node:crypto for any chunks and keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.uint8Array())),
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 80 }), { nil: undefined }),
        async (chunks, key) => {
          const reference = key === undefined ? createHash('sha256') : createHmac('sha256', key);
          for (const chunk of chunks) reference.update(chunk);
          expect(await digest(chunks, key)).toBe(reference.digest('hex'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
