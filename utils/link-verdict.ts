import { i18n } from '#i18n';
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
  return i18n.t('linkVerdict.bytes', size, { n: size.toLocaleString('en') });
}

/** "3 min 5 s ahead of" / "2 hours behind": how this computer's clock stands against the store's. */
export function describeOffset(offsetMs: number): string {
  const words = formatDuration(Math.abs(offsetMs) / 1000);
  return i18n.t(offsetMs > 0 ? 'linkVerdict.behind' : 'linkVerdict.aheadOf', { duration: words });
}

function regionFrom(body: string, headers: Readonly<Record<string, string>>): string | undefined {
  const named = xmlField(body, 'Region') ?? headers['x-amz-bucket-region'];
  if (named) return named;
  const message = xmlField(body, 'Message') ?? '';
  return /expecting '([^']+)'/.exec(message)?.[1];
}

function wrongRegion(facts: LinkFacts, region: string | undefined, endpoint: string | undefined): Verdict {
  // Signed for the right region, yet redirected: the link goes to an endpoint that does not serve the bucket.
  const { bucket } = facts;
  if (region && region === facts.region)
    return {
      kind: 'wrong-region',
      ok: false,
      text: i18n.t('linkVerdict.wrongEndpoint', {
        bucket,
        region,
        endpoint: endpoint ?? i18n.t('linkVerdict.regionalEndpoint', { region }),
      }),
    };
  const signed = facts.region;
  let text: string;
  if (region) {
    text = signed
      ? i18n.t('linkVerdict.wrongRegionSigned', { bucket, region, signed })
      : i18n.t('linkVerdict.wrongRegion', { bucket, region });
  } else {
    text = signed
      ? i18n.t('linkVerdict.otherRegionSigned', { bucket, signed })
      : i18n.t('linkVerdict.otherRegion', { bucket });
  }
  return { kind: 'wrong-region', ok: false, ...(region ? { region } : {}), text };
}

/** " (AccessDenied)" after a verdict's first words, or nothing when the store sent no code. */
function coded(code: string): string {
  return code ? ` (${code})` : '';
}

function skewed(offsetMs: number | undefined, code: string): Verdict {
  return {
    kind: 'clock-skew',
    ok: false,
    ...(offsetMs === undefined ? {} : { offsetMs }),
    text:
      offsetMs === undefined
        ? i18n.t('linkVerdict.skewUnknown', { code: coded(code) })
        : i18n.t('linkVerdict.skew', { by: describeOffset(offsetMs), code: coded(code) }),
  };
}

function expired(facts: LinkFacts, code: string): Verdict {
  return {
    kind: 'expired',
    ok: false,
    text: facts.expiresAt
      ? i18n.t('linkVerdict.expiredAt', { at: facts.expiresAt.toLocaleString(), code: coded(code) })
      : i18n.t('linkVerdict.expired', { code: coded(code) }),
  };
}

/** 403 codes that are not about the signing key's permission, in plain words (read when a verdict is made). */
const REFUSALS: Readonly<Record<string, () => string>> = {
  InvalidObjectState: () => i18n.t('linkVerdict.archived'),
  AllAccessDisabled: () => i18n.t('linkVerdict.allAccessDisabled'),
  AccountProblem: () => i18n.t('linkVerdict.accountProblem'),
};

function sizeOf(status: number, headers: Readonly<Record<string, string>>): number | undefined {
  const range = /\/(\d+)\s*$/.exec(headers['content-range'] ?? '');
  if (range?.[1]) return Number(range[1]);
  // A 206's Content-Length is the range's (1 byte), not the object's.
  if (status !== 200) return undefined;
  const length = headers['content-length'];
  return length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
}

function emptySize(headers: Readonly<Record<string, string>>, body: string): number {
  const range = /\/(\d+)\s*$/.exec(headers['content-range'] ?? '')?.[1];
  const actual = xmlField(body, 'ActualObjectSize');
  return Number(range ?? (actual && /^\d+$/.test(actual) ? actual : 0));
}

/** Whether the store's time lies outside [signedAt, expiresAt): before the start only by more than 5 minutes. */
function outsideWindow(facts: LinkFacts, serverNow: Date): boolean {
  const at = serverNow.getTime();
  if (facts.expiresAt && at >= facts.expiresAt.getTime()) return true;
  // Stores allow some difference on X-Amz-Date (AWS: 15 min), and a Date header has whole seconds: a fresh
  // link tested at once often looks a second early.
  return facts.signedAt !== undefined && facts.signedAt.getTime() - at > SKEW_LIMIT_MS;
}

function noPermission(
  facts: LinkFacts,
  code: string,
  message: string,
  skew: number | undefined,
  dateHidden: boolean,
): Verdict {
  const kms = /kms:/i.test(message);
  // Sentences joined by a space: what is missing, then what else could explain it.
  const sentences = [
    kms
      ? i18n.t('linkVerdict.noPermissionKms', { code: coded(code), key: facts.key, message })
      : i18n.t('linkVerdict.noPermission', { code: coded(code), key: facts.key }),
    ...(kms ? [] : [i18n.t('linkVerdict.orMissing')]),
    ...(skew === undefined ? [] : [i18n.t('linkVerdict.notTheClock', { by: describeOffset(skew) })]),
    ...(dateHidden ? [i18n.t('linkVerdict.dateHidden')] : []),
  ];
  return {
    // No offset: "Sign with the corrected time" would only give another 403.
    kind: 'no-permission',
    ok: false,
    text: sentences.join(' '),
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
      text: i18n.t('linkVerdict.untestable'),
    };
  if (probe.kind === 'network')
    return {
      kind: 'network',
      ok: false,
      text: i18n.t('linkVerdict.network', { message: probe.message || i18n.t('linkVerdict.networkError') }),
    };

  const { status, headers, body } = probe;
  const code = xmlField(body, 'Code') ?? '';
  const message = xmlField(body, 'Message') ?? '';
  const serverDate = Date.parse(headers.date ?? '');
  const offsetMs = Number.isNaN(serverDate) ? undefined : serverDate - now.getTime();
  const skew = offsetMs !== undefined && Math.abs(offsetMs) > SKEW_LIMIT_MS ? offsetMs : undefined;
  const serverNow = offsetMs === undefined ? now : new Date(serverDate);

  // radosgw answers an empty object's `Range: bytes=0-0` with 416 InvalidRange and no Content-Range at all.
  const emptyObject =
    status === 416 && (code === 'InvalidRange' || /\*\/\d+\s*$/.test(headers['content-range'] ?? ''));
  if (status === 200 || status === 206 || emptyObject) {
    const size = emptyObject ? emptySize(headers, body) : sizeOf(status, headers);
    const contentType = emptyObject ? undefined : headers['content-type'];
    const parts = [size === undefined ? undefined : bytes(size), contentType].filter(Boolean);
    const sentences = [
      parts.length > 0
        ? i18n.t('linkVerdict.worksWith', { details: parts.join(', ') })
        : i18n.t('linkVerdict.works'),
      ...(skew === undefined ? [] : [i18n.t('linkVerdict.clockWarning', { by: describeOffset(skew) })]),
      ...(size === undefined || offsetMs === undefined ? [i18n.t('linkVerdict.hiddenHeaders')] : []),
    ];
    return {
      kind: 'works',
      ok: true,
      text: sentences.join(' '),
      ...(size === undefined ? {} : { size }),
      ...(contentType ? { contentType } : {}),
      ...(skew === undefined ? {} : { offsetMs: skew }),
    };
  }
  if (code === 'RequestTimeTooSkewed') {
    const server = parseAmzTime(xmlField(body, 'ServerTime'));
    const request = parseAmzTime(xmlField(body, 'RequestTime'));
    const fromBody = Number.isNaN(server) || Number.isNaN(request) ? undefined : server - request;
    return skewed(fromBody ?? offsetMs, code);
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
      text: i18n.t(code === 'NoSuchVersion' ? 'linkVerdict.noVersion' : 'linkVerdict.noObject', {
        key: facts.key,
        bucket: facts.bucket,
        code: coded(code),
      }),
    };
  if (code === 'NoSuchBucket')
    return {
      kind: 'not-found',
      ok: false,
      text: i18n.t('linkVerdict.noBucket', { bucket: facts.bucket }),
    };
  if (code === 'SignatureDoesNotMatch')
    return {
      kind: 'signature-mismatch',
      ok: false,
      text: i18n.t('linkVerdict.signature'),
    };
  if (code === 'InvalidAccessKeyId')
    return {
      kind: 'unknown-key',
      ok: false,
      text: i18n.t('linkVerdict.unknownKey'),
    };
  if (code === 'ExpiredToken' || code === 'TokenRefreshRequired')
    return {
      kind: 'expired',
      ok: false,
      text: i18n.t('linkVerdict.tokenExpired', { code }),
    };
  // Only AccessDenied (or a bare 403) is about the key's permission; other 403 codes name their own cause.
  if (status === 403 && code !== '' && code !== 'AccessDenied')
    return {
      kind: 'other',
      ok: false,
      text: i18n.t('linkVerdict.refusedCode', {
        text:
          REFUSALS[code]?.() ??
          (message ? i18n.t('linkVerdict.refusedWith', { message }) : i18n.t('linkVerdict.refused')),
        code,
      }),
    };
  if (status === 403 || code === 'AccessDenied') {
    // Local time past the end: plainly expired.
    if (facts.expiresAt && now.getTime() >= facts.expiresAt.getTime()) return expired(facts, code);
    // The clock is to blame only when the store's own time lies outside the link's window (or it says so):
    // a skewed clock alone does not refuse a link (radosgw serves links signed 2 hours ahead).
    if (offsetMs !== undefined && outsideWindow(facts, serverNow)) return skewed(offsetMs, code);
    if (/not yet valid|not valid yet/i.test(message)) return skewed(offsetMs, code);
    if (/expired/i.test(message)) return expired(facts, code);
    return noPermission(facts, code, message, skew, offsetMs === undefined);
  }
  return {
    kind: 'other',
    ok: false,
    text: [
      i18n.t(message ? 'linkVerdict.answeredWith' : 'linkVerdict.answered', {
        status: code ? `${status} ${code}` : String(status),
        message,
      }),
      ...(status >= 500 ? [i18n.t('linkVerdict.busy')] : []),
    ].join(' '),
  };
}
