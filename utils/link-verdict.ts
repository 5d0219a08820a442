import { formatDuration } from './expiry';
import { type LinkFacts, parseAmzTime, xmlField } from './link-facts';

export type { LinkFacts } from './link-facts';

/** Beyond this the clocks disagree enough to matter (S3 refuses header-signed requests skewed by 15 min). */
export const SKEW_LIMIT_MS = 5 * 60_000;

/** What testing a link got back: an answer (status, lower-case headers, the start of the body) or a failure. */
export type LinkProbe =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, string>>; body: string }
  | { kind: 'network'; message: string }
  | { kind: 'untestable'; method: 'PUT' };

export type VerdictKind =
  | 'works'
  | 'no-permission'
  | 'not-found'
  | 'expired'
  | 'wrong-region'
  | 'clock-skew'
  | 'signature-mismatch'
  | 'unknown-key'
  | 'network'
  | 'untestable'
  | 'other';

/** The answer in plain words, with what the popup can offer to fix it. */
export interface Verdict {
  kind: VerdictKind;
  ok: boolean;
  /** One or two sentences for the user. */
  text: string;
  size?: number;
  contentType?: string;
  /** wrong-region: the bucket's region, as the store named it. */
  region?: string;
  /** clock-skew (or a working link signed with a skewed clock): server time minus this computer's, in ms. */
  offsetMs?: number;
}

/** The exact byte count ("2,048 bytes"): a test is where the precise size is worth reading. */
function bytes(size: number): string {
  return `${size.toLocaleString('en')} ${size === 1 ? 'byte' : 'bytes'}`;
}

function sizeOf(headers: Readonly<Record<string, string>>): number | undefined {
  // "bytes 0-0/1234" (a range answer) or "bytes */0" (an empty object refusing the range).
  const range = /\/(\d+)\s*$/.exec(headers['content-range'] ?? '');
  if (range?.[1]) return Number(range[1]);
  const length = headers['content-length'];
  return length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
}

/** "3 min 5 s ahead of" / "2 hours behind": how this computer's clock stands against the store's. */
export function describeOffset(offsetMs: number): string {
  const words = formatDuration(Math.abs(offsetMs) / 1000);
  return offsetMs > 0 ? `${words} behind` : `${words} ahead of`;
}

function regionFrom(body: string, headers: Readonly<Record<string, string>>): string | undefined {
  const named = xmlField(body, 'Region') ?? headers['x-amz-bucket-region'];
  if (named) return named;
  const message = xmlField(body, 'Message') ?? '';
  return /expecting '([^']+)'/.exec(message)?.[1];
}

function wrongRegion(facts: LinkFacts, region: string | undefined, endpoint: string | undefined): Verdict {
  // Signed for the right region, yet redirected: the link goes to an endpoint that does not serve the bucket.
  if (region && region === facts.region)
    return {
      kind: 'wrong-region',
      ok: false,
      text: `Wrong endpoint: bucket “${facts.bucket}” is in ${region}, as signed, but must be addressed at ${endpoint ?? `its regional endpoint (s3.${region}.amazonaws.com)`}. Check the profile’s endpoint and path-style setting.`,
    };
  const signed = facts.region ? `, but the link was signed for ${facts.region}` : '';
  return {
    kind: 'wrong-region',
    ok: false,
    ...(region ? { region } : {}),
    text: region
      ? `Wrong region: bucket “${facts.bucket}” is in ${region}${signed}. Sign it again for ${region}.`
      : `Wrong region: bucket “${facts.bucket}” is in another region than the link was signed for${facts.region ? ` (${facts.region})` : ''}, and the store did not say which. Set the profile’s region to the bucket’s.`,
  };
}

function skewed(offsetMs: number, code: string): Verdict {
  return {
    kind: 'clock-skew',
    ok: false,
    offsetMs,
    text: `Clock skew: this computer’s clock is ${describeOffset(offsetMs)} the store’s${code ? ` (${code})` : ''}, so the link’s time window is off. Correct the clock, or sign with the corrected time.`,
  };
}

function expired(facts: LinkFacts, code: string): Verdict {
  const when = facts.expiresAt ? ` at ${facts.expiresAt.toLocaleString()}` : '';
  return {
    kind: 'expired',
    ok: false,
    text: `Expired: the link stopped working${when}${code ? ` (${code})` : ''}. Sign a new one.`,
  };
}

/**
 * The verdict on a tested link: `now` is this computer's time when the answer came, compared with the answer's
 * Date header to find clock skew and with the link's expiry.
 */
export function linkVerdict(probe: LinkProbe, facts: LinkFacts, now: Date): Verdict {
  if (probe.kind === 'untestable')
    return {
      kind: 'untestable',
      ok: false,
      text: 'An upload link cannot be tested without uploading: sending anything to it would write the object. Test the download link for the same object after the upload.',
    };
  if (probe.kind === 'network')
    return {
      kind: 'network',
      ok: false,
      text: `Could not reach the store (${probe.message || 'network error'}). Check the network and the endpoint address; a store outside the extension’s host access also needs a CORS rule allowing this browser.`,
    };

  const { status, headers, body } = probe;
  const code = xmlField(body, 'Code') ?? '';
  const message = xmlField(body, 'Message') ?? '';
  const serverDate = Date.parse(headers.date ?? '');
  const offsetMs = Number.isNaN(serverDate) ? undefined : serverDate - now.getTime();
  const skew = offsetMs !== undefined && Math.abs(offsetMs) > SKEW_LIMIT_MS ? offsetMs : undefined;
  const serverNow = offsetMs === undefined ? now : new Date(serverDate);

  if (
    status === 200 ||
    status === 206 ||
    (status === 416 && /\/0\s*$/.test(headers['content-range'] ?? ''))
  ) {
    const size = status === 416 ? 0 : sizeOf(headers);
    const contentType = headers['content-type'];
    const parts = [size === undefined ? undefined : bytes(size), contentType].filter(Boolean);
    const warning =
      skew === undefined
        ? ''
        : ` But this computer’s clock is ${describeOffset(skew)} the store’s: links signed here start and end at the wrong times.`;
    return {
      kind: 'works',
      ok: true,
      text: `Works${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.${warning}`,
      ...(size === undefined ? {} : { size }),
      ...(contentType ? { contentType } : {}),
      ...(skew === undefined ? {} : { offsetMs: skew }),
    };
  }
  if (code === 'RequestTimeTooSkewed') {
    const server = parseAmzTime(xmlField(body, 'ServerTime'));
    const request = parseAmzTime(xmlField(body, 'RequestTime'));
    const fromBody = Number.isNaN(server) || Number.isNaN(request) ? undefined : server - request;
    return skewed(fromBody ?? offsetMs ?? 0, code);
  }
  if (
    status === 301 ||
    code === 'PermanentRedirect' ||
    code === 'AuthorizationHeaderMalformed' ||
    (code === 'AuthorizationQueryParametersError' && /region/i.test(message)) ||
    code === 'IllegalLocationConstraintException'
  )
    return wrongRegion(facts, regionFrom(body, headers), xmlField(body, 'Endpoint'));
  if (code === 'NoSuchKey' || code === 'NoSuchVersion' || (status === 404 && code !== 'NoSuchBucket'))
    return {
      kind: 'not-found',
      ok: false,
      text: `Not found: there is no object “${facts.key}” in bucket “${facts.bucket}”${code === 'NoSuchVersion' ? ' with this version' : ''}${code ? ` (${code})` : ''}. Check the key, or upload it first.`,
    };
  if (code === 'NoSuchBucket')
    return {
      kind: 'not-found',
      ok: false,
      text: `Not found: there is no bucket “${facts.bucket}” on this store (NoSuchBucket). Check the bucket name and the profile’s endpoint.`,
    };
  if (code === 'SignatureDoesNotMatch')
    return {
      kind: 'signature-mismatch',
      ok: false,
      text: 'Signature mismatch (SignatureDoesNotMatch): most likely the profile’s secret key does not belong to its access key — paste it again. Otherwise something changed the link after signing: an edit, or a proxy or CDN rewriting its host, path or query.',
    };
  if (code === 'InvalidAccessKeyId')
    return {
      kind: 'unknown-key',
      ok: false,
      text: 'Unknown access key (InvalidAccessKeyId): this store does not know the key that signed the link. It was removed or rotated, or the profile points at another store.',
    };
  if (code === 'ExpiredToken' || code === 'TokenRefreshRequired')
    return {
      kind: 'expired',
      ok: false,
      text: `Expired: the temporary credentials that signed the link have ended (${code}). Get fresh credentials for the profile and sign again.`,
    };
  if (status === 403 || code === 'AccessDenied') {
    // A clock far off makes a fresh link look expired (or not yet valid) to the store: that is the cause then.
    if (facts.expiresAt && now.getTime() >= facts.expiresAt.getTime()) return expired(facts, code);
    if (skew !== undefined || /not yet valid|not valid yet/i.test(message)) return skewed(skew ?? 0, code);
    if (/expired/i.test(message) || (facts.expiresAt && serverNow.getTime() >= facts.expiresAt.getTime()))
      return expired(facts, code);
    return {
      kind: 'no-permission',
      ok: false,
      text: `No permission${code ? ` (${code})` : ''}: the key that signed the link may not read “${facts.key}” — it needs s3:GetObject on it. (If it also may not list the bucket, S3 answers the same for an object that does not exist.)`,
    };
  }
  return {
    kind: 'other',
    ok: false,
    text: `The store answered ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}.${status >= 500 ? ' It may be busy or failing: try again in a moment.' : ''}`,
  };
}
