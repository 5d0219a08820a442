import { i18n } from '#i18n';
import type { HistoryEntry } from './adapters/storage';
import { readCredentialKeyId } from './link-facts';

/** The most entries the history keeps: older ones are dropped as new ones arrive. */
export const HISTORY_CAP = 1_000;

const DAY_MS = 86_400_000;
const TOKEN_PARAM = 'x-amz-security-token';

/**
 * An entry as recorded: a link signed with the corrected time (after Test found this computer's clock off) also
 * records that offset, so its countdown runs on the store's clock. Optional and checked when read: entries
 * recorded before it have none.
 */
export interface ClockedHistoryEntry extends HistoryEntry {
  /** Store's clock minus this computer's when signed (ms); absent: the clocks agreed, or nobody knew. */
  clockOffsetMs?: number;
}

/** A new entry before it is stored: the link as signed (its session token is still in the URL). */
export type NewHistoryEntry = Omit<ClockedHistoryEntry, 'tokenDigest'>;

/** The entry's recorded clock offset (0 when none or not a sane number). */
export function clockOffsetOf(entry: HistoryEntry): number {
  const offset = (entry as ClockedHistoryEntry).clockOffsetMs;
  return typeof offset === 'number' && Number.isFinite(offset) ? offset : 0;
}

function paramName(part: string): string {
  const name = part.slice(0, part.includes('=') ? part.indexOf('=') : part.length);
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * The link without its X-Amz-Security-Token, and that token (decoded). The query is cut by hand, not through
 * `new URL()`, which would normalize `..` and `.` in the key's path and break the signature.
 */
export function stripSessionToken(url: string): { url: string; token?: string } {
  const hashAt = url.indexOf('#');
  const body = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = body.indexOf('?');
  if (queryAt === -1) return { url };
  const kept: string[] = [];
  let token: string | undefined;
  for (const part of body.slice(queryAt + 1).split('&')) {
    if (paramName(part) === TOKEN_PARAM) {
      const raw = part.slice(part.indexOf('=') + 1);
      try {
        token = decodeURIComponent(raw);
      } catch {
        token = raw;
      }
    } else kept.push(part);
  }
  if (token === undefined) return { url };
  const base = body.slice(0, queryAt);
  return { url: kept.length > 0 ? `${base}?${kept.join('&')}` : base, token };
}

/** SigV4 encoding of a query value: every byte but A-Za-z0-9-._~ as %XX (so `+`, `/`, `=` of a token too). */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Puts a session token back into a stored link (the server sorts the query, so its place does not matter). */
export function restoreSessionToken(url: string, token: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}X-Amz-Security-Token=${encodeQueryValue(token)}`;
}

/** First 16 hex digits of the token's SHA-256: enough to recognise it again, useless to sign with. */
export async function tokenDigest(token: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  return Array.from(hash.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The entry as it may be stored: URL without the session token, the token's digest instead. */
export async function toStoredEntry(entry: NewHistoryEntry): Promise<ClockedHistoryEntry> {
  const { url, token } = stripSessionToken(entry.url);
  if (token === undefined) return { ...entry, url };
  return { ...entry, url, tokenDigest: await tokenDigest(token) };
}

/** Newest first, one entry per link, expired ones past their keeping time pruned, at most `cap` entries. */
export function addEntries(
  list: readonly HistoryEntry[],
  added: readonly HistoryEntry[],
  now: Date,
  keepExpiredDays: number,
  cap = HISTORY_CAP,
): HistoryEntry[] {
  const newest = [...added].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // The same link handed out twice (copied, then shown as a QR code) is one entry, moved to the top.
  const urls = new Set(newest.map((entry) => entry.url));
  const older = list.filter((entry) => !urls.has(entry.url));
  return pruneHistory([...newest, ...older], now, keepExpiredDays).slice(0, cap);
}

/** Drops entries that expired more than `keepExpiredDays` days before `now` (0: as soon as they expire). */
export function pruneHistory(
  list: readonly HistoryEntry[],
  now: Date,
  keepExpiredDays: number,
): HistoryEntry[] {
  const limit = now.getTime() - Math.max(0, keepExpiredDays) * DAY_MS;
  return list.filter((entry) => {
    const expires = Date.parse(entry.expiresAt) - clockOffsetOf(entry);
    return Number.isNaN(expires) || expires > limit;
  });
}

function shortDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return i18n.t('history.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return i18n.t('history.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return minutes % 60 === 0 || hours >= 10
      ? i18n.t('history.hours', { n: hours })
      : i18n.t('history.hoursMinutes', { h: hours, m: minutes % 60 });
  }
  return i18n.t('history.days', { n: Math.floor(hours / 24) });
}

/**
 * "expires in 59 min", "expires in 2 h 5 min", "expired 3 h ago": rounded down, for a live countdown. `offsetMs`
 * (store's clock minus this computer's) moves `now` onto the clock the expiry was computed on.
 */
export function formatCountdown(expiresAt: string, now: Date, offsetMs = 0): string {
  const left = Date.parse(expiresAt) - (now.getTime() + offsetMs);
  if (Number.isNaN(left)) return i18n.t('history.unknown');
  if (left > 0) return i18n.t('history.expiresIn', { duration: shortDuration(left) });
  return i18n.t('history.expiredAgo', { duration: shortDuration(-left) });
}

/** Whether a stored entry's link has expired at `now` (this computer's time; the entry's offset applied). */
export function isExpired(entry: HistoryEntry, now: Date): boolean {
  return Date.parse(entry.expiresAt) <= now.getTime() + clockOffsetOf(entry);
}

/** What re-copying needs of the profile that signed a link, as it is now (undefined: it was removed). */
export interface SigningProfileNow {
  accessKeyId: string;
  sessionToken?: string | undefined;
}

/** A link that can be copied again (perhaps with a warning that it probably stopped working), or why not. */
export type Recopy = { url: string; warning?: string } | { problem: string };

/**
 * The link to copy again: as stored, or with the profile's current session token put back when it is the one
 * the link was signed with. When the profile is gone or holds another access key now, the link is still given,
 * with a warning: rotating or removing the key is what stops links, so it probably no longer works.
 */
export async function recopyUrl(
  entry: HistoryEntry,
  profile: SigningProfileNow | undefined,
): Promise<Recopy> {
  if (entry.tokenDigest !== undefined) {
    const token = profile?.sessionToken;
    if (token === undefined || (await tokenDigest(token)) !== entry.tokenDigest)
      return {
        problem: i18n.t('history.tokenGone'),
      };
    return { url: restoreSessionToken(entry.url, token) };
  }
  const signedWith = readCredentialKeyId(entry.url);
  if (profile === undefined)
    return {
      url: entry.url,
      warning: i18n.t('history.profileGone'),
    };
  if (signedWith !== undefined && signedWith !== profile.accessKeyId)
    return {
      url: entry.url,
      warning: i18n.t('history.otherKey'),
    };
  return { url: entry.url };
}

const MAX_KEEP_DAYS = 365;

/** Parses the "keep expired links" setting: whole days from 0 to 365, else a message saying what to type. */
export function parseKeepDays(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return i18n.t('history.keepDays', { max: MAX_KEEP_DAYS });
  const days = Number(trimmed);
  return days > MAX_KEEP_DAYS ? i18n.t('history.keepMax', { max: MAX_KEEP_DAYS }) : days;
}
