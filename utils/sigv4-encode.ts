// SigV4 percent-encoding without a TextEncoder call per string. Profiling presign() in Chromium showed
// TextEncoder.encode (one fresh ArrayBuffer per call) and the garbage it leaves at half of a link's cost, next
// to ~10 µs of actual hashing; most of what is encoded (parameter names, dates, scopes, ASCII keys) needs no
// bytes at all. The output is that of key-encoding's uriEncode, byte for byte (tests/unit/sigv4-signer.test.ts).

const HEX = '0123456789ABCDEF';
/** `%XX` for every byte value. */
const ESCAPED = Array.from({ length: 256 }, (_, byte) => `%${HEX[byte >> 4]}${HEX[byte & 15]}`);
/** 1 for the ASCII characters SigV4 leaves as they are: A-Z a-z 0-9 - . _ ~ */
const UNRESERVED = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED[char.charCodeAt(0)] = 1;
}
/** What TextEncoder writes for a lone surrogate: U+FFFD. */
const REPLACEMENT = '%EF%BF%BD';

/** UTF-8 of one code point, %-escaped. */
function escapeCodePoint(code: number): string {
  if (code < 0x80) return ESCAPED[code] as string;
  if (code < 0x800) return (ESCAPED[0xc0 | (code >> 6)] as string) + ESCAPED[0x80 | (code & 63)];
  if (code < 0x10000) {
    return (
      (ESCAPED[0xe0 | (code >> 12)] as string) +
      ESCAPED[0x80 | ((code >> 6) & 63)] +
      ESCAPED[0x80 | (code & 63)]
    );
  }
  return (
    (ESCAPED[0xf0 | (code >> 18)] as string) +
    ESCAPED[0x80 | ((code >> 12) & 63)] +
    ESCAPED[0x80 | ((code >> 6) & 63)] +
    ESCAPED[0x80 | (code & 63)]
  );
}

/**
 * Percent-encodes every UTF-8 byte but A-Za-z0-9-._~ as %XX (uppercase), optionally keeping '/'; a lone
 * surrogate becomes U+FFFD as TextEncoder makes it. Text that needs no escape is returned as it is.
 */
export function sigv4Encode(value: string, keepSlash: boolean): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80 && (UNRESERVED[unit] === 1 || (keepSlash && unit === 0x2f))) continue;
    out += value.slice(copied, i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += escapeCodePoint(0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00));
        i++;
      } else {
        out += REPLACEMENT;
      }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      out += REPLACEMENT;
    } else {
      out += escapeCodePoint(unit);
    }
    copied = i + 1;
  }
  return copied === 0 ? value : out + value.slice(copied);
}
