import { parseEndpoint } from './endpoint';
import type { Profile } from './profile';

// The hosts the manifest grants up front (wxt.config.ts): AWS and loopback. Anything else is asked at run time.
const GRANTED = [
  /^https:\/\/([^/]+\.)?amazonaws\.com(\.cn)?$/i,
  /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/i,
];

/** An IPv4 or bracketed IPv6 host: no bucket can be a subdomain of it. */
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[\da-f:.]+\])$/i;

/** What decides where the popup's requests go: the endpoint, and whether buckets are in the path or the host. */
export type HostTarget = Pick<Profile, 'endpoint' | 'forcePathStyle'>;

/**
 * The match pattern that lets the popup reach a profile's custom endpoint, or undefined when the manifest
 * already covers it. The popup lists with the profile's own addressing: path-style sends every request to the
 * endpoint's host, so only that host is asked for; without path-style, buckets are reached at `bucket.host`, so
 * a named host is asked for with its subdomains (`*.host` also matches the host itself). An IP address has no
 * subdomains (the SDK falls back to path-style there): the host only.
 * Ports are left out: match patterns cannot hold one in Firefox, and in Chrome a host pattern covers every port.
 */
export function hostPermissionFor(target: HostTarget | undefined): string | undefined {
  if (!target?.endpoint) return undefined;
  const { origin } = parseEndpoint(target.endpoint);
  if (GRANTED.some((granted) => granted.test(origin))) return undefined;
  const url = new URL(origin);
  const subdomains = target.forcePathStyle === false && !IP_HOST.test(url.hostname);
  return `${url.protocol}//${subdomains ? '*.' : ''}${url.hostname}/*`;
}
