import { i18n } from '#i18n';
import { PresignError } from './errors';

/** SigV4 query authentication accepts 1 second to 7 days. */
export const MIN_EXPIRES_IN = 1;
export const MAX_EXPIRES_IN = 604_800;

/** A preset whose label ("1 hour") is read when shown, in the browser's language. */
function preset(seconds: number): { readonly seconds: number; readonly label: string } {
  return {
    seconds,
    get label(): string {
      return formatDuration(seconds);
    },
  };
}

/** The expiries offered everywhere a user picks one. */
export const EXPIRY_PRESETS = [preset(900), preset(3_600), preset(86_400), preset(604_800)] as const;

export const DEFAULT_EXPIRES_IN = 3_600;

export interface ExpiryWarning {
  code: 'clamped-to-credentials' | 'session-end-unknown';
  message: string;
}

export interface ResolvedExpiry {
  /** Seconds to put in X-Amz-Expires. */
  expiresIn: number;
  /** When the link stops working. */
  expiresAt: Date;
  warnings: ExpiryWarning[];
}

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3_600,
  hr: 3_600,
  hrs: 3_600,
  hour: 3_600,
  hours: 3_600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  week: 604_800,
  weeks: 604_800,
};

/** Reads a human duration ("15m", "1h 30m", "7d", "3600") as whole seconds within S3's limits. */
export function parseExpiry(input: string | number): number {
  const seconds = typeof input === 'number' ? input : parseDuration(input);
  return checkExpiresIn(
    seconds,
    typeof input === 'number'
      ? i18n.t('expiry.seconds', { n: input })
      : i18n.t('expiry.quoted', { text: input.trim() }),
  );
}

function parseDuration(input: string): number {
  const text = input.trim().toLowerCase();
  if (text === '') throw new PresignError('invalid-expiry', i18n.t('expiry.empty'));
  if (/^\d+$/.test(text)) return Number(text);
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*,?\s*/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(text); match; match = part.exec(text)) {
    const unit = UNIT_SECONDS[match[2] as string];
    if (unit === undefined) {
      throw new PresignError('invalid-expiry', i18n.t('expiry.badUnit', { unit: match[2] as string }));
    }
    total += Number(match[1]) * unit;
    consumed = part.lastIndex;
  }
  if (consumed !== text.length || consumed === 0) {
    throw new PresignError('invalid-expiry', i18n.t('expiry.unreadable', { text: input.trim() }));
  }
  return total;
}

/** Checks a number of seconds against S3's 1 s – 7 days window; `shown` is how the user wrote it. */
export function checkExpiresIn(seconds: number, shown?: string): number {
  const problem = !Number.isFinite(seconds)
    ? 'expiry.notNumber'
    : !Number.isInteger(seconds)
      ? 'expiry.notWhole'
      : seconds < MIN_EXPIRES_IN
        ? 'expiry.tooShort'
        : seconds > MAX_EXPIRES_IN
          ? 'expiry.tooLong'
          : undefined;
  if (problem) {
    const expiry = shown ?? i18n.t('expiry.seconds', { n: seconds });
    throw new PresignError('invalid-expiry', i18n.t(problem, { expiry }));
  }
  return seconds;
}

/** Said when temporary credentials sign but their end is not known: the shown expiry may be too late. */
function sessionEndUnknown(): ExpiryWarning {
  return { code: 'session-end-unknown', message: i18n.t('expiry.sessionEndUnknown') };
}

/**
 * Decides how long a link signed `now` may last: the request, cut to the end of temporary credentials when
 * that end is known (a link never outlives the session that signed it), with a warning saying so. `temporary`
 * (a session token signs) with no known end gets a warning that the end shown may come later than the real one.
 */
export function resolveExpiry(
  requested: number,
  now: Date,
  credentialsExpireAt?: Date,
  temporary = false,
): ResolvedExpiry {
  const expiresIn = checkExpiresIn(requested);
  // X-Amz-Date has whole seconds, so the link's life is counted from the second the signer writes.
  const signedAt = Math.floor(now.getTime() / 1000) * 1000;
  if (credentialsExpireAt === undefined) {
    const warnings = temporary ? [sessionEndUnknown()] : [];
    return { expiresIn, expiresAt: new Date(signedAt + expiresIn * 1000), warnings };
  }
  const left = Math.floor((credentialsExpireAt.getTime() - signedAt) / 1000);
  if (left < MIN_EXPIRES_IN) {
    throw credentialsExpired(credentialsExpireAt);
  }
  if (left >= expiresIn) return { expiresIn, expiresAt: new Date(signedAt + expiresIn * 1000), warnings: [] };
  return {
    expiresIn: left,
    expiresAt: new Date(signedAt + left * 1000),
    warnings: [
      {
        code: 'clamped-to-credentials',
        message: i18n.t('expiry.clamped', {
          left: formatDuration(left),
          asked: formatDuration(expiresIn),
          end: formatUtc(credentialsExpireAt),
        }),
      },
    ],
  };
}

/**
 * "10:45 UTC on 22 Nov 2026" (seconds only when not zero: "10:45:30 UTC on …"): a time for messages that are
 * written once and shown anywhere (popup, notification), so it names its zone rather than guess the reader's.
 */
export function formatUtc(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const seconds = at.getUTCSeconds();
  const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}${seconds ? `:${two(seconds)}` : ''}`;
  const month = i18n.t('expiry.months').split(' ')[at.getUTCMonth()] ?? String(at.getUTCMonth() + 1);
  return i18n.t('expiry.utc', { time, day: at.getUTCDate(), month, year: at.getUTCFullYear() });
}

/** The error for temporary credentials that have ended: when, and how to get fresh ones. */
export function credentialsExpired(end: Date): PresignError {
  return new PresignError(
    'credentials-expired',
    i18n.t('expiry.credentialsExpired', { end: formatUtc(end) }),
  );
}

/** "1 hour 30 minutes", "7 days", "45 seconds": the largest two units, for messages. */
export function formatDuration(seconds: number): string {
  const units = [
    [86_400, 'expiry.days'],
    [3_600, 'expiry.hours'],
    [60, 'expiry.minutes'],
    [1, 'expiry.secondsCount'],
  ] as const;
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 && parts.length < 2) parts.push(i18n.t(name, count, { n: count }));
    else if (parts.length > 0) break;
  }
  return parts.length === 0 ? i18n.t('expiry.secondsCount', 0, { n: 0 }) : parts.join(' ');
}

/** "1h30m", "7d", "45s": a duration written the way parseExpiry reads it back exactly (for an editable box). */
export function durationInput(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  let rest = Math.max(0, Math.round(seconds));
  let text = '';
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) text += `${count}${name}`;
  }
  return text || '0s';
}
