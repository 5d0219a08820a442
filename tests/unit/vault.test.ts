import { describe, expect, it } from 'vitest';
import {
  createVault,
  deriveKeyBytes,
  encryptText,
  fromBase64,
  IV_BYTES,
  keyForPassphrase,
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  openWithKey,
  parseVault,
  type SealedVault,
  toBase64,
  unlockVault,
} from '@/utils/vault';
import { codeOf } from '../support/presign-error';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const bytes = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'hex'));
const SALT = new Uint8Array(Array.from({ length: 16 }, (_, i) => i));
const IV = new Uint8Array(Array.from({ length: 12 }, (_, i) => i));
const TEXT = '{"ceph":{"secretAccessKey":"kat-secret"}}';

describe('PBKDF2-HMAC-SHA256 (published vectors, RFC 7914 §11)', () => {
  it.each([
    ['passwd', 'salt', 1, '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc'],
    ['Password', 'NaCl', 80_000, '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56'],
  ])('P=%s S=%s c=%i', async (passphrase, salt, iterations, expected) => {
    expect(hex(await deriveKeyBytes(passphrase, new TextEncoder().encode(salt), iterations))).toBe(expected);
  });
});

describe('AES-GCM-256 (NIST GCM spec, test case 14)', () => {
  it('encrypts 16 zero bytes under the zero key and IV (no AAD) as published', async () => {
    const key = new Uint8Array(32);
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: new Uint8Array(12) },
      await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']),
      new Uint8Array(16),
    );
    expect(hex(new Uint8Array(sealed))).toBe(
      'cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919',
    );
  });
});

// Expected values computed independently (Python hashlib.pbkdf2_hmac + cryptography's AESGCM, NFC passphrase bytes).
const KNOWN = [
  {
    kind: 'ASCII',
    passphrase: 'correct horse battery staple',
    key: 'ef177144eec9420cbc1093d2a8b344a92bc506d0d4ec9c028dd19f8324d8c1e6',
    data: 'deTr5AHcHraXC/Qm38/tyaT63k6tOcxRRyQdB/wXkWGaQ3qttBR+bTZ/uCxHC+9vuZOW38cW25Xg',
    check: '9N3B1mL87gpVWqPjPxqAJQ==',
  },
  {
    kind: 'UTF-8 (accents)',
    passphrase: 'pässwörd',
    key: '974b974305dece95a0b581d71f5eefb1351bc76b5380dafd90c68f6c35eec5f3',
    data: '98kNPKOjTCbUvXPupv2eo07LoRStbpqPgOSXnsv6+hOPn4zCNunMN+ZYcLuemkOHrmWi6s3oImuG',
    check: 'a4z991I70vRq31wufDqU9Q==',
  },
  {
    kind: 'emoji',
    passphrase: '🔑 clé secrète 🗝️',
    key: '39bd65d8b081077603ac312389dd17be6e445f5eb5b9654542e2b9f1ab2ff671',
    data: 'ELxZxRjwxpSj+MWuX8O4oybTPgqXbcOGsaXjVGw9uDxTvPALSH9IXueXN6Wuou8X5DwYOm8+fj0D',
    check: 'Mq8WtjysgvrbI4hlmOAKlg==',
  },
];

describe('the vault (known answers at 600,000 iterations)', () => {
  it.each(KNOWN)(
    '$kind passphrase: the key, the key check and the ciphertext are the expected ones',
    async (known) => {
      const { vault, key } = await createVault(known.passphrase, TEXT, { salt: SALT, iv: IV });
      expect(hex(key.raw)).toBe(known.key);
      expect(vault).toEqual({
        format: 1,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS, salt: toBase64(SALT) },
        check: known.check,
        cipher: { name: 'AES-GCM', iv: toBase64(IV) },
        data: known.data,
      });
      expect(hex(await encryptText(bytes(known.key), IV, TEXT))).toBe(hex(fromBase64(known.data)));
      expect((await unlockVault(known.passphrase, vault)).text).toBe(TEXT);
    },
  );

  it('normalizes passphrases to NFC: the same accented passphrase typed decomposed opens the vault', async () => {
    const [, accented] = KNOWN;
    const decomposed = accented?.passphrase.normalize('NFD') ?? '';
    expect(decomposed).not.toBe(accented?.passphrase);
    const { vault } = await createVault(accented?.passphrase ?? '', TEXT, { salt: SALT, iv: IV });
    expect((await unlockVault(decomposed, vault)).text).toBe(TEXT);
  });

  it('uses a fresh random salt per vault and a fresh IV per write', async () => {
    const one = await createVault('same passphrase', TEXT);
    const two = await createVault('same passphrase', TEXT);
    expect(one.vault.kdf.salt).not.toBe(two.vault.kdf.salt);
    expect(fromBase64(one.vault.kdf.salt)).toHaveLength(16);
    expect(fromBase64(one.vault.cipher.iv)).toHaveLength(IV_BYTES);
    expect(one.vault.cipher.iv).not.toBe(two.vault.cipher.iv);
    expect(one.vault.data).not.toContain('kat-secret');
  });
});

describe('refusals', () => {
  const sealed = (): Promise<SealedVault> =>
    createVault('right passphrase', TEXT, { salt: SALT, iv: IV }).then((made) => made.vault);

  it('a wrong passphrase is "wrong-passphrase", with a clean message', async () => {
    const vault = await sealed();
    await expect(unlockVault('wrong passphrase', vault)).rejects.toThrow(/^Wrong passphrase\./);
    expect(await codeOf(() => unlockVault('wrong passphrase', vault))).toBe('wrong-passphrase');
  });

  it.each([
    ['ciphertext', (v: SealedVault) => ({ ...v, data: flip(v.data, 3) }), 'vault-damaged'],
    [
      'tag (last byte)',
      (v: SealedVault) => ({ ...v, data: flip(v.data, fromBase64(v.data).length - 1) }),
      'vault-damaged',
    ],
    [
      'IV',
      (v: SealedVault) => ({ ...v, cipher: { ...v.cipher, iv: flip(v.cipher.iv, 0) } }),
      'vault-damaged',
    ],
    [
      'salt',
      (v: SealedVault) => ({ ...v, kdf: { ...v.kdf, salt: flip(v.kdf.salt, 5) } }),
      'wrong-passphrase',
    ],
  ])(
    'a flipped byte in the %s gives a clean error, and the vault object is left as it was',
    async (_, tamper, code) => {
      const vault = tamper(await sealed());
      const copy = structuredClone(vault);
      expect(await codeOf(() => unlockVault('right passphrase', vault))).toBe(code);
      expect(vault).toEqual(copy);
    },
  );

  it('a flipped byte in the key check is not "wrong passphrase": the data decrypts, so the vault opens', async () => {
    const vault = await sealed();
    const damagedCheck = { ...vault, check: flip(vault.check, 0) };
    expect(await unlockVault('right passphrase', damagedCheck)).toMatchObject({ text: TEXT });
    const right = await keyForPassphrase('right passphrase', damagedCheck);
    expect(toBase64(right.raw)).toBe(toBase64((await keyForPassphrase('right passphrase', vault)).raw));
    // A wrong passphrase still is one, damaged check or not.
    expect(await codeOf(() => unlockVault('wrong passphrase', damagedCheck))).toBe('wrong-passphrase');
  });

  it.each([2 ** 33, 1e9, MAX_ITERATIONS + 1])(
    'refuses %i PBKDF2 iterations as a damaged vault, before deriving anything (no stall, no TypeError)',
    async (iterations) => {
      const vault = await sealed();
      const huge = { ...vault, kdf: { ...vault.kdf, iterations } };
      expect(() => parseVault(huge)).toThrow(
        /damaged: it asks for \d+ PBKDF2 iterations, more than the 10000000/,
      );
      expect(await codeOf(() => unlockVault('right passphrase', huge))).toBe('vault-damaged');
    },
  );

  it.each([
    ['fewer iterations', { iterations: 100_000 }, /100000 PBKDF2 iterations, fewer than the 600000 required/],
    ['another hash', { hash: 'SHA-1' }, /key derivation S3 Presign does not use/],
    ['a short salt', { salt: toBase64(new Uint8Array(8)) }, /salt is shorter than 16 bytes/],
  ])('refuses a vault with %s as a downgrade, before deriving anything', async (_, kdf, message) => {
    const vault = await sealed();
    const weaker = { ...vault, kdf: { ...vault.kdf, ...kdf } };
    expect(await codeOf(() => unlockVault('right passphrase', weaker))).toBe('vault-downgrade');
    expect(() => parseVault(weaker)).toThrow(message);
  });

  it('refuses to create a vault with fewer iterations than the minimum, or an empty passphrase', async () => {
    await expect(createVault('p', TEXT, { iterations: 1000 })).rejects.toThrow(/600000/);
    expect(await codeOf(() => createVault('', TEXT))).toBe('invalid-passphrase');
  });

  it.each([null, 'text', { format: 2 }, { format: 1, kdf: null }])(
    'calls a value of the wrong shape damaged: %j',
    (value) => {
      expect(() => parseVault(value)).toThrow(/damaged/);
    },
  );

  it('a key from another vault (changed passphrase elsewhere) does not open it: locked, not damaged', async () => {
    const vault = await sealed();
    const other = await createVault('other', TEXT);
    expect(await codeOf(() => openWithKey(other.key, vault))).toBe('vault-locked');
    const right = await keyForPassphrase('right passphrase', vault);
    expect(await openWithKey(right, vault)).toBe(TEXT);
  });
});

/** The base64 text with one bit of one byte flipped. */
function flip(base64: string, index: number): string {
  const data = fromBase64(base64);
  data[index] = (data[index] ?? 0) ^ 0x01;
  return toBase64(data);
}
