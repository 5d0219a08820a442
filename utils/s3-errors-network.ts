import type { PresignErrorCode } from './errors';
import type { ErrorShape } from './s3-errors-shape';

// Failures with no answer from the server. In a browser they all look the same: fetch rejects with a bare
// TypeError whether the host is down, the name does not resolve, or the browser blocked the request because the
// extension has no access to the host (or, without host access, no CORS rule lets the request through). Node
// (the tests) says which with an errno code.

/** Where the request went, to name the host in messages. */
export interface NetworkContext {
  region: string;
  /** The profile's custom endpoint; absent for AWS. */
  endpoint?: string;
  /** Whether the browser lets the extension reach the endpoint's host, when the caller checked. */
  hostAccess?: boolean;
}

// Chrome, Firefox, Safari and Node's fetch word the same failure differently.
const FETCH_FAILED =
  /^(failed to fetch|networkerror when attempting to fetch resource\.?|load failed|fetch failed)$/i;

const ERRNO: Record<string, string> = {
  ECONNREFUSED: 'nothing answers on that address and port',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  ECONNRESET: 'the connection was cut',
  EPIPE: 'the connection was cut',
  ETIMEDOUT: 'it did not answer in time',
  EHOSTUNREACH: 'the host is unreachable from this network',
  ENETUNREACH: 'the network is unreachable',
  ECONNABORTED: 'the connection was cut',
};

/** The host (and port) requests go to: the custom endpoint's, or AWS's regional S3 host. */
export function hostOf(context: NetworkContext): string {
  if (!context.endpoint) return `s3.${context.region}.amazonaws.com`;
  // Endpoints are checked to hold no user:password, but a message must not echo one even so.
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?([^/?#@]+)/i.exec(context.endpoint);
  return match?.[1] ?? 'the endpoint';
}

function why(shape: ErrorShape): string | undefined {
  if (shape.name === 'TimeoutError') return 'it did not answer in time';
  if (shape.errno === undefined) return undefined;
  if (
    shape.errno.includes('CERT') ||
    shape.errno.includes('SELF_SIGNED') ||
    shape.errno.startsWith('ERR_TLS')
  ) {
    return 'its HTTPS certificate is not trusted';
  }
  return ERRNO[shape.errno];
}

/** The code and message for a request that got no answer, or undefined when the error is not one. */
export function explainNetworkError(
  shape: ErrorShape,
  context: NetworkContext,
): { code: PresignErrorCode; message: string } | undefined {
  const host = hostOf(context);
  const reason = why(shape);
  if (reason) {
    const check = context.endpoint
      ? 'Check that the server is running and that the endpoint URL and port in the profile are right.'
      : 'Check the internet connection (and any proxy or VPN).';
    return { code: 'network', message: `Could not reach ${host}: ${reason}. ${check}` };
  }
  if (shape.name !== 'TypeError' || !FETCH_FAILED.test(shape.message)) return undefined;
  if (context.hostAccess === false) {
    return {
      code: 'host-permission',
      message: `The extension is not allowed to reach ${host}, so it cannot list it (links can still be signed). Choose “Allow access to ${host}” to let it, or allow the site in the extension's settings.`,
    };
  }
  if (!context.endpoint) {
    return {
      code: 'network',
      message: `Could not reach ${host}. Check the internet connection (and any proxy or VPN), then try again.`,
    };
  }
  // The browser lets the extension reach the host (and then no CORS rule is needed): only the server is left.
  if (context.hostAccess === true) {
    return {
      code: 'network',
      message: `Could not reach ${host}: the server is down or unreachable from here. Check the endpoint URL, the port and any VPN, and that the browser trusts the server's HTTPS certificate, then try again.`,
    };
  }
  return {
    code: 'network',
    message: `Could not reach ${host}. Either the server is down or unreachable from here (check the endpoint URL, the port and any VPN), or the browser blocked the request: allow the extension to access ${host} (choose “Allow access to ${host}”, or allow the site in the extension's settings), or add a CORS rule to the bucket that allows GET and HEAD from this extension.`,
  };
}
