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
  const fail = (why: string) => new PresignError('invalid-endpoint', `The endpoint ${why}.`);
  if (scheme === undefined) throw fail('must start with http:// or https://');
  if (scheme !== 'http' && scheme !== 'https')
    throw fail(`uses ${scheme}://; only http:// and https:// work`);
  if (text.includes('#')) throw fail('has a fragment (#…): remove it');
  if (text.includes('?')) throw fail('has a query string (?…): remove it');
  const raw = splitRawUrl(text);
  if (raw.authority.includes('@'))
    throw fail('holds a user name or password: remove it, keys go in the profile');
  const url = toUrl(text);
  if (!url) {
    // A password holding '/' (as AWS secrets do) ends the authority early and slips past the check above.
    throw fail(
      text.includes('@')
        ? 'holds a user name or password: remove it, keys go in the profile'
        : 'is not a valid URL: write it like https://minio.example.com:9000',
    );
  }
  const segments = raw.path.split('/').filter((segment) => segment !== '');
  const canonical = segments.map(canonicalSegment);
  if (canonical.some((segment) => segment === undefined)) throw fail('has a malformed %-escape in its path');
  return { origin: `${url.protocol}//${url.host}`, segments: canonical as string[] };
}

/** Normalizes a custom endpoint to scheme://host[:port][/prefix], default port dropped, prefix %-encoded as SigV4 does. */
export function normalizeEndpoint(url: string): string {
  const { origin, segments } = parseEndpoint(url);
  return origin + segments.map((segment) => `/${segment}`).join('');
}
