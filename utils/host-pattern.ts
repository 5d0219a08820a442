import { parseEndpoint } from './endpoint';

// The hosts the manifest grants up front (wxt.config.ts): AWS and loopback. Anything else is asked at run time.
const GRANTED = [
  /^https:\/\/([^/]+\.)?amazonaws\.com(\.cn)?$/i,
  /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/i,
];

/**
 * The match pattern that lets the popup reach a custom endpoint, or undefined when the manifest already covers it.
 * Ports are left out: match patterns cannot hold one in Firefox, and in Chrome a host pattern covers every port.
 */
export function hostPermissionFor(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  const { origin } = parseEndpoint(endpoint);
  if (GRANTED.some((granted) => granted.test(origin))) return undefined;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
