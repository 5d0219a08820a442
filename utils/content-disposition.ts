import { i18n } from '#i18n';
import { PresignError } from './errors';

// RFC 5987 attr-char: what may stay unescaped in filename*.
const ATTR_CHAR = /[A-Za-z0-9!#$&+.^_`|~-]/;

function encodeRfc5987(value: string): string {
  let out = '';
  for (const char of value) {
    if (ATTR_CHAR.test(char)) out += char;
    else
      for (const byte of new TextEncoder().encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The Content-Disposition that makes a download save under `filename`: `attachment; filename="…"` with an ASCII
 * fallback, plus `filename*=UTF-8''…` (RFC 5987/6266) when the name is not plain ASCII, so every browser gets it right.
 */
export function attachmentDisposition(filename: string): string {
  const name = filename.trim();
  if (!name) throw new PresignError('invalid-request', i18n.t('contentDisposition.empty'));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be refused.
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new PresignError('invalid-request', i18n.t('contentDisposition.control'));
  if (/[/\\]/.test(name)) throw new PresignError('invalid-request', i18n.t('contentDisposition.path'));
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const plain = `attachment; filename="${fallback}"`;
  return ascii && !/["\\]/.test(name) ? plain : `${plain}; filename*=UTF-8''${encodeRfc5987(name)}`;
}
