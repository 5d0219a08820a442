import { i18n } from '#i18n';
import { PresignError } from './errors';

/** S3's limit on an object key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

const encoder = new TextEncoder();
const HEX = '0123456789ABCDEF';

/** True for the bytes SigV4 leaves as they are: A-Z a-z 0-9 - . _ ~ */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e
  );
}

/** True when the string holds a lone UTF-16 surrogate, which has no UTF-8 form. */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

/**
 * Percent-encodes a string the way SigV4 wants: every UTF-8 byte but A-Za-z0-9-._~ as %XX (uppercase),
 * optionally keeping '/'. No normalization of any kind: 'a//b', './' and '../' stay as they are.
 */
export function uriEncode(value: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of encoder.encode(value)) {
    if (isUnreserved(byte) || (keepSlash && byte === 0x2f)) out += String.fromCharCode(byte);
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/** Checks that a key can name an S3 object; throws a PresignError that says why not. */
export function assertValidKey(key: string): void {
  if (key.length === 0) throw new PresignError('invalid-key', i18n.t('keyEncoding.empty'));
  if (hasLoneSurrogate(key)) {
    throw new PresignError('invalid-key', i18n.t('keyEncoding.brokenUnicode'));
  }
  const bytes = encoder.encode(key).length;
  if (bytes > MAX_KEY_BYTES) {
    throw new PresignError('invalid-key', i18n.t('keyEncoding.tooLong', { bytes, max: MAX_KEY_BYTES }));
  }
}

/** The canonical URI path segment for an object key: each UTF-8 byte encoded, '/' kept, NFC/NFD untouched. */
export function encodeKey(key: string): string {
  assertValidKey(key);
  return uriEncode(key, true);
}
