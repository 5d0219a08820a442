import { i18n } from '#i18n';
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

const ERRNO: Record<string, () => string> = {
  ECONNREFUSED: () => i18n.t('s3Network.refused'),
  ENOTFOUND: () => i18n.t('s3Network.notFound'),
  EAI_AGAIN: () => i18n.t('s3Network.notNow'),
  ECONNRESET: () => i18n.t('s3Network.cut'),
  EPIPE: () => i18n.t('s3Network.cut'),
  ETIMEDOUT: () => i18n.t('s3Network.timeout'),
  EHOSTUNREACH: () => i18n.t('s3Network.hostUnreachable'),
  ENETUNREACH: () => i18n.t('s3Network.netUnreachable'),
  ECONNABORTED: () => i18n.t('s3Network.cut'),
};

/** The host (and port) requests go to: the custom endpoint's, or AWS's regional S3 host. */
export function hostOf(context: NetworkContext): string {
  if (!context.endpoint) return `s3.${context.region}.amazonaws.com`;
  // Endpoints are checked to hold no user:password, but a message must not echo one even so.
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?([^/?#@]+)/i.exec(context.endpoint);
  return match?.[1] ?? i18n.t('s3Network.theEndpoint');
}

function why(shape: ErrorShape): string | undefined {
  if (shape.name === 'TimeoutError') return i18n.t('s3Network.timeout');
  if (shape.errno === undefined) return undefined;
  if (
    shape.errno.includes('CERT') ||
    shape.errno.includes('SELF_SIGNED') ||
    shape.errno.startsWith('ERR_TLS')
  ) {
    return i18n.t('s3Network.untrusted');
  }
  return ERRNO[shape.errno]?.();
}

/** The code and message for a request that got no answer, or undefined when the error is not one. */
export function explainNetworkError(
  shape: ErrorShape,
  context: NetworkContext,
): { code: PresignErrorCode; message: string } | undefined {
  const host = hostOf(context);
  const reason = why(shape);
  if (reason) {
    const check = context.endpoint ? i18n.t('s3Network.checkServer') : i18n.t('s3Network.checkInternet');
    return { code: 'network', message: i18n.t('s3Network.because', { host, reason, check }) };
  }
  if (shape.name !== 'TypeError' || !FETCH_FAILED.test(shape.message)) return undefined;
  if (context.hostAccess === false) {
    return {
      code: 'host-permission',
      message: i18n.t('s3Network.notAllowed', { host }),
    };
  }
  if (!context.endpoint) {
    return {
      code: 'network',
      message: i18n.t('s3Network.offline', { host }),
    };
  }
  // The browser lets the extension reach the host (and then no CORS rule is needed): only the server is left.
  if (context.hostAccess === true) {
    return {
      code: 'network',
      message: i18n.t('s3Network.serverDown', { host }),
    };
  }
  return {
    code: 'network',
    message: i18n.t('s3Network.downOrBlocked', { host }),
  };
}
