import { knownEndpoints } from './choose-profile';
import { parseEndpoint } from './endpoint';
import type { Profile } from './profile';

// Where the right-click items show: match patterns for the hosts the parser reads as S3.
//
// Match patterns cannot express `s3://` links: Chromium refuses `s3://*/*` ("Invalid url pattern", seen on
// Chromium 156), and the host-less `s3:*` it accepts matches or not depending on how the browser parses
// s3:// URLs, which is nothing to build on. So the link items could show on s3:// links only by showing on
// EVERY link of every page. We chose not to: an extra entry on every link is a permanent cost to everyone,
// for a rare form (pages seldom make s3:// URIs clickable, since no browser opens them). s3:// URIs are
// signed by pasting them in the popup; a click that does carry one (a browser that shows the item anyway, a
// dispatched event) is still signed: the click handler reads every form the parser does.

/** AWS S3 (every region, dualstack, accelerate, China) and Cloudflare R2's S3 API hosts, http or https. */
export const S3_HOST_PATTERNS = [
  '*://*.amazonaws.com/*',
  '*://*.amazonaws.com.cn/*',
  'https://*.r2.cloudflarestorage.com/*',
] as const;

/** S3 console object pages (the bucket and key are in the path and ?prefix=, the region in the host). */
export const CONSOLE_OBJECT_PATTERNS = [
  'https://*.console.aws.amazon.com/s3/object/*',
  'https://*.console.amazonaws.cn/s3/object/*',
  'https://*.console.amazonaws-us-gov.com/s3/object/*',
] as const;

// A host a match pattern can name: DNS labels, or an IPv6 literal in brackets.
const PATTERN_HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/i;

// An IP literal cannot have a bucket label in front of it.
const IP_HOST = /^(?:\d+(?:\.\d+){3}|\[.*\])$/;

/**
 * The pattern for objects under one (valid) custom endpoint: scheme, host and path prefix; with `virtualHosted`,
 * the hosts one label under it (`*.host`, Chrome's and Firefox's way to say "host and its subdomains"), where a
 * profile without path-style puts the bucket. The port is left out: Firefox patterns cannot hold one, and
 * without one Chrome matches every port. Undefined when the endpoint cannot be written as a pattern.
 */
export function endpointPattern(endpoint: string, virtualHosted = false): string | undefined {
  const parsed = parseEndpoint(endpoint);
  const url = new URL(parsed.origin);
  if (!PATTERN_HOST.test(url.hostname)) return undefined;
  const prefix = parsed.segments.map((segment) => `${segment}/`).join('');
  const host = virtualHosted && !IP_HOST.test(url.hostname) ? `*.${url.hostname}` : url.hostname;
  return `${url.protocol}//${host}/${prefix}*`;
}

/** Each known endpoint's pattern, undefined for one that cannot be written as a pattern. */
function endpointPatterns(profiles: readonly Profile[]): (string | undefined)[] {
  // knownEndpoints drops endpoints that do not parse: the parser ignores them too, so no item is needed.
  return knownEndpoints(profiles).map(({ endpoint, virtualHosted }) =>
    endpointPattern(endpoint, virtualHosted),
  );
}

/**
 * Patterns for the links the items show on: S3 hosts plus each profile's endpoint. Undefined (no restriction)
 * when an endpoint cannot be expressed: on a link, an item that shows too often beats one that never shows.
 */
export function objectUrlPatterns(profiles: readonly Profile[]): string[] | undefined {
  const endpoints = endpointPatterns(profiles);
  if (endpoints.includes(undefined)) return undefined;
  return [...new Set<string>([...S3_HOST_PATTERNS, ...(endpoints as string[])])];
}

/** The page patterns that hold whatever the profiles: S3 console object pages and S3 hosts. */
export const BUILT_IN_PAGE_PATTERNS: readonly string[] = [...CONSOLE_OBJECT_PATTERNS, ...S3_HOST_PATTERNS];

/**
 * Patterns for the pages the page items show on: console object pages and object URLs opened in a tab. Always
 * a restriction: an endpoint that cannot be expressed is left out (its pages get no page items; the shortcut
 * still signs them), since page items unrestricted would show on every page, image and frame of every site.
 */
export function objectPagePatterns(profiles: readonly Profile[]): string[] {
  const endpoints = endpointPatterns(profiles).filter((pattern) => pattern !== undefined);
  return [...new Set<string>([...BUILT_IN_PAGE_PATTERNS, ...endpoints])];
}
