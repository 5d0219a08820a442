import { parseEndpoint } from './endpoint';

// The hosts the manifest grants up front (wxt.config.ts): AWS and loopback. Anything else is asked at run time.
const GRANTED = [
  /^https:\/\/([^/]+\.)?amazonaws\.com(\.cn)?$/i,
  /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/i,
];

/** An IPv4 or bracketed IPv6 host: no bucket can be a subdomain of it. */
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[\da-f:.]+\])$/i;

/**
 * The match pattern that lets the popup reach a custom endpoint, or undefined when the manifest already covers it.
 * Ports are left out: match patterns cannot hold one in Firefox, and in Chrome a host pattern covers every port.
 * A named host is asked for with its subdomains (`*.host` also matches the host itself): a profile without
 * path-style reaches its buckets at `bucket.host`.
 */
export function hostPermissionFor(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  const { origin } = parseEndpoint(endpoint);
  if (GRANTED.some((granted) => granted.test(origin))) return undefined;
  const url = new URL(origin);
  return `${url.protocol}//${IP_HOST.test(url.hostname) ? '' : '*.'}${url.hostname}/*`;
}
