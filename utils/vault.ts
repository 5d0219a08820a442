import { i18n } from '#i18n';
import { PresignError } from './errors';

// The passphrase vault: PBKDF2-SHA256 → AES-GCM-256, WebCrypto only, no browser storage here (see
// utils/adapters/vault-store.ts). Every write gets a fresh IV; the KDF parameters travel with the vault.

/** The least PBKDF2-SHA256 work S3 Presign accepts (OWASP's 2023 figure); a vault asking for less is refused. */
export const MIN_ITERATIONS = 600_000;
/** The most PBKDF2 work a stored vault may ask for: more is damage (it would stall the browser for minutes). */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
const KEY_BITS = 256;
// Binds the ciphertext to this use: a blob of another AES-GCM format does not decrypt as a vault.
const AAD = new TextEncoder().encode('s3-presign vault v1');
const CHECK_LABEL = new TextEncoder().encode('s3-presign vault check');

export interface VaultKdf {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** Base64. */
  salt: string;
}

/** What is stored: the KDF parameters, a key check (tells a wrong passphrase from a damaged vault), the sealed data. */
export interface SealedVault {
  format: 1;
  kdf: VaultKdf;
  /** Base64 of the first 16 bytes of HMAC-SHA256(key, label): matches only the right key. */
  check: string;
  cipher: { name: 'AES-GCM'; iv: string };
  /** Base64 ciphertext with its 16-byte tag. */
  data: string;
}

/** An unlocked vault's key, raw (32 bytes), with the salt it was derived with (which vault it opens). */
export interface VaultKey {
  raw: Uint8Array;
  salt: string;
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Passphrases are compared as NFC: "é" typed as one code point or as e + accent is the same passphrase. */
export function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

/** PBKDF2-HMAC-SHA256 → 32 bytes. The iteration floor is enforced where a vault is opened, not here. */
export async function deriveKeyBytes(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    KEY_BITS,
  );
  return new Uint8Array(bits);
}

function aesKey(raw: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [usage]);
}

/** The key check a vault sealed under this key stores. */
export async function keyCheck(raw: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new Uint8Array(raw),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, CHECK_LABEL)).slice(0, 16));
}

/** AES-GCM-256 of a UTF-8 text; the IV must be fresh for every call with the same key. */
export async function encryptText(
  raw: Uint8Array,
  iv: Uint8Array<ArrayBuffer>,
  text: string,
): Promise<Uint8Array> {
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: AAD },
    await aesKey(raw, 'encrypt'),
    new TextEncoder().encode(text),
  );
  return new Uint8Array(sealed);
}

// The whole message is given (locales/en.yml vault.*), read when the error is made.
const damaged = (message = i18n.t('vault.noDecrypt')): PresignError =>
  new PresignError('vault-damaged', message);
const misshapen = (): PresignError => damaged(i18n.t('vault.misshapen'));

function base64Field(value: unknown, bytes?: number): Uint8Array<ArrayBuffer> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const decoded = fromBase64(value);
    return bytes === undefined || decoded.length === bytes ? new Uint8Array(decoded) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a stored value is a vault this version can open safely: its shape, then its parameters. Weaker KDF
 * parameters than the minimum are refused as a downgrade (someone may have rewritten the vault to make guessing
 * the passphrase cheap).
 */
export function parseVault(value: unknown): SealedVault {
  const v = value as Partial<SealedVault> | null;
  if (typeof v !== 'object' || v === null || v.format !== 1 || typeof v.kdf !== 'object' || v.kdf === null)
    throw misshapen();
  const { kdf } = v;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || typeof kdf.iterations !== 'number')
    throw downgrade(i18n.t('vault.otherKdf'));
  if (!Number.isInteger(kdf.iterations) || kdf.iterations < MIN_ITERATIONS)
    throw downgrade(i18n.t('vault.fewIterations', { n: kdf.iterations, min: MIN_ITERATIONS }));
  if (kdf.iterations > MAX_ITERATIONS)
    throw damaged(i18n.t('vault.manyIterations', { n: kdf.iterations, max: MAX_ITERATIONS }));
  const salt = base64Field(kdf.salt);
  if (!salt || salt.length < SALT_BYTES) throw downgrade(i18n.t('vault.shortSalt', { n: SALT_BYTES }));
  if (v.cipher?.name !== 'AES-GCM' || !base64Field(v.cipher.iv, IV_BYTES)) throw misshapen();
  if (!base64Field(v.check, 16) || !base64Field(v.data)) throw misshapen();
  return v as SealedVault;
}

function downgrade(message: string): PresignError {
  return new PresignError('vault-downgrade', message);
}

export interface SealOptions {
  iterations?: number;
  /** Fixed only by tests (known answers); random otherwise. */
  salt?: Uint8Array<ArrayBuffer>;
  iv?: Uint8Array<ArrayBuffer>;
}

/** Seals a text under an already derived key (a write while unlocked): same KDF parameters, fresh IV. */
export async function sealWithKey(
  key: VaultKey,
  kdf: VaultKdf,
  text: string,
  iv: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(IV_BYTES)),
): Promise<SealedVault> {
  return {
    format: 1,
    kdf,
    check: await keyCheck(key.raw),
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(await encryptText(key.raw, iv, text)),
  };
}

/** A new vault under a passphrase: fresh salt, the key it derives, and the text sealed. */
export async function createVault(
  passphrase: string,
  text: string,
  options: SealOptions = {},
): Promise<{ vault: SealedVault; key: VaultKey }> {
  if (passphrase.normalize('NFC').length === 0)
    throw new PresignError('invalid-passphrase', i18n.t('vault.noPassphrase'));
  const iterations = options.iterations ?? MIN_ITERATIONS;
  if (iterations < MIN_ITERATIONS)
    throw new PresignError('internal', i18n.t('vault.minIterations', { min: MIN_ITERATIONS }));
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const kdf: VaultKdf = { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) };
  const key = { raw: await deriveKeyBytes(passphrase, salt, iterations), salt: kdf.salt };
  return { vault: await sealWithKey(key, kdf, text, options.iv), key };
}

/** AES-GCM-opens the vault's data with a raw key: the text, or undefined when it does not decrypt. */
async function decrypt(raw: Uint8Array, vault: SealedVault): Promise<string | undefined> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(vault.cipher.iv) as Uint8Array<ArrayBuffer>, additionalData: AAD },
      await aesKey(raw, 'decrypt'),
      fromBase64(vault.data) as Uint8Array<ArrayBuffer>,
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return undefined;
  }
}

const wrongPassphrase = (): PresignError =>
  new PresignError('wrong-passphrase', i18n.t('vault.wrongPassphrase'));

/**
 * Derives the key a passphrase gives for a stored vault, and checks it is the right one (else "wrong
 * passphrase"). A key check that does not match while the data still decrypts is a damaged check, not a wrong
 * passphrase: the key is returned (the caller rewrites the check).
 */
export async function keyForPassphrase(passphrase: string, stored: unknown): Promise<VaultKey> {
  const vault = parseVault(stored);
  const salt = fromBase64(vault.kdf.salt);
  const raw = await deriveKeyBytes(passphrase, new Uint8Array(salt), vault.kdf.iterations);
  if ((await keyCheck(raw)) !== vault.check && (await decrypt(raw, vault)) === undefined)
    throw wrongPassphrase();
  return { raw, salt: vault.kdf.salt };
}

/** Opens a vault with its key; a damaged ciphertext or IV is reported, never half-read. */
export async function openWithKey(key: VaultKey, stored: unknown): Promise<string> {
  const vault = parseVault(stored);
  const locked = (): PresignError => new PresignError('vault-locked', i18n.t('vault.locked'));
  if (vault.kdf.salt !== key.salt) throw locked();
  const checked = (await keyCheck(key.raw)) === vault.check;
  const text = await decrypt(key.raw, vault);
  if (text !== undefined) return text; // With a damaged check, the data decrypting proves the key right.
  throw checked ? damaged() : locked();
}

/** Opens a vault with a passphrase: its key and the text. */
export async function unlockVault(
  passphrase: string,
  stored: unknown,
): Promise<{ key: VaultKey; text: string }> {
  const key = await keyForPassphrase(passphrase, stored);
  return { key, text: await openWithKey(key, stored) };
}
