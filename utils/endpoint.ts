import { i18n } from '#i18n';
import { PresignError } from './errors';
import { uriEncode } from './key-encoding';
import { SCHEME, splitRawUrl, toUrl } from './raw-url';

// Custom endpoints of S3-compatible stores: scheme, host, optional port and path prefix.

export interface Endpoint {
  origin: string;
  segments: string[];
}

/** A path segment decoded then re-encoded as SigV4 wants, so '/my%20s3' and '/my s3' compare equal. */
export function canonicalSegment(raw: string): string | undefined {
  try {
    return uriEncode(decodeURIComponent(raw), false);
  } catch {
    return undefined;
  }
}

export function parseEndpoint(input: string): Endpoint {
  const text = input.trim();
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // The text is not repeated in messages: it may hold a password.
  const fail = (message: string) => new PresignError('invalid-endpoint', message);
  if (scheme === undefined) throw fail(i18n.t('endpoint.noScheme'));
  if (scheme !== 'http' && scheme !== 'https') throw fail(i18n.t('endpoint.scheme', { scheme }));
  if (text.includes('#')) throw fail(i18n.t('endpoint.fragment'));
  if (text.includes('?')) throw fail(i18n.t('endpoint.query'));
  const raw = splitRawUrl(text);
  if (raw.authority.includes('@')) throw fail(i18n.t('endpoint.userInfo'));
  const url = toUrl(text);
  if (!url) {
    // A password holding '/' (as AWS secrets do) ends the authority early and slips past the check above.
    throw fail(text.includes('@') ? i18n.t('endpoint.userInfo') : i18n.t('endpoint.invalid'));
  }
  const segments = raw.path.split('/').filter((segment) => segment !== '');
  const canonical = segments.map(canonicalSegment);
  if (canonical.some((segment) => segment === undefined)) throw fail(i18n.t('endpoint.badEscape'));
  return { origin: `${url.protocol}//${url.host}`, segments: canonical as string[] };
}

/** Normalizes a custom endpoint to scheme://host[:port][/prefix], default port dropped, prefix %-encoded as SigV4 does. */
export function normalizeEndpoint(url: string): string {
  const { origin, segments } = parseEndpoint(url);
  return origin + segments.map((segment) => `/${segment}`).join('');
}
