import { i18n } from '#i18n';
import { PresignError } from './errors';

// Reading URLs as the user gave them. `new URL` resolves '.' and '..' segments and re-encodes paths, which
// would change S3 keys, so paths and queries are cut out of the raw text and decoded here, strictly.

/** "scheme://" at the start of a URL; group 1 is the scheme. */
export const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** Strict percent-decoding of raw URL text: '+' stays '+', %2F becomes '/', bad escapes or UTF-8 throw. */
export function percentDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch (cause) {
    throw new PresignError('bad-encoding', i18n.t('rawUrl.badEscape'), { cause });
  }
}

/** Form decoding (as URLSearchParams does, '+' is a space) but strict: bad escapes throw instead of becoming U+FFFD. */
export const formDecode = (raw: string): string => percentDecode(raw.replaceAll('+', ' '));

/** `new URL` for host, port and scheme only; undefined when it cannot parse the text. */
export function toUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

export interface RawUrl {
  authority: string;
  path: string;
  query: string;
}

/** Cuts "scheme://authority/path?query#fragment" into raw parts; `new URL` would resolve '..' and re-encode. */
export function splitRawUrl(text: string): RawUrl {
  const body = text.slice(text.indexOf('://') + 3).split('#')[0] ?? '';
  const queryAt = body.indexOf('?');
  const beforeQuery = queryAt < 0 ? body : body.slice(0, queryAt);
  const slash = beforeQuery.indexOf('/');
  return {
    authority: slash < 0 ? beforeQuery : beforeQuery.slice(0, slash),
    path: slash < 0 ? '' : beforeQuery.slice(slash),
    query: queryAt < 0 ? '' : body.slice(queryAt + 1),
  };
}

export interface QueryParam {
  name: string;
  rawValue: string;
}

export function parseQuery(rawQuery: string): QueryParam[] {
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawName = eq < 0 ? part : part.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        // A name we cannot decode is not one we look for; its value is never read.
      }
      return { name, rawValue: eq < 0 ? '' : part.slice(eq + 1) };
    });
}

/** The form-decoded value of the first parameter with this name; an empty value counts as absent. */
export function param(query: readonly QueryParam[], name: string, ignoreCase = false): string | undefined {
  const same = (other: string) => (ignoreCase ? other.toLowerCase() === name.toLowerCase() : other === name);
  const found = query.find((p) => same(p.name));
  return found && found.rawValue !== '' ? formDecode(found.rawValue) : undefined;
}
