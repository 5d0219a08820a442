import type { HistoryEntry } from './adapters/storage';

/** The most entries the history keeps: older ones are dropped as new ones arrive. */
export const HISTORY_CAP = 1_000;

const DAY_MS = 86_400_000;
const TOKEN_PARAM = 'x-amz-security-token';

/** A new entry before it is stored: the link as signed (its session token is still in the URL). */
export type NewHistoryEntry = Omit<HistoryEntry, 'tokenDigest'>;

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
export async function toStoredEntry(entry: NewHistoryEntry): Promise<HistoryEntry> {
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
    const expires = Date.parse(entry.expiresAt);
    return Number.isNaN(expires) || expires > limit;
  });
}

function shortDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 || hours >= 10 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

/** "expires in 59 min", "expires in 2 h 5 min", "expired 3 h ago": rounded down, for a live countdown. */
export function formatCountdown(expiresAt: string, now: Date): string {
  const left = Date.parse(expiresAt) - now.getTime();
  if (Number.isNaN(left)) return 'expiry unknown';
  if (left > 0) return `expires in ${shortDuration(left)}`;
  return `expired ${shortDuration(-left)} ago`;
}

/** Whether a stored entry's link has expired at `now`. */
export function isExpired(entry: Pick<HistoryEntry, 'expiresAt'>, now: Date): boolean {
  return Date.parse(entry.expiresAt) <= now.getTime();
}

/**
 * The link to copy again: as stored, or with the profile's current session token put back when it is the one
 * the link was signed with. A string explains why it cannot be copied again.
 */
export async function recopyUrl(
  entry: HistoryEntry,
  currentToken: string | undefined,
): Promise<{ url: string } | { problem: string }> {
  if (entry.tokenDigest === undefined) return { url: entry.url };
  if (currentToken === undefined || (await tokenDigest(currentToken)) !== entry.tokenDigest)
    return {
      problem:
        'This link was signed with temporary credentials that the profile no longer holds, and the history never keeps a session token: it cannot be copied again. Sign a new link.',
    };
  return { url: restoreSessionToken(entry.url, currentToken) };
}

const MAX_KEEP_DAYS = 365;

/** Parses the "keep expired links" setting: whole days from 0 to 365, else a message saying what to type. */
export function parseKeepDays(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Type a whole number of days from 0 to ${MAX_KEEP_DAYS}.`;
  const days = Number(trimmed);
  return days > MAX_KEEP_DAYS ? `At most ${MAX_KEEP_DAYS} days: type a smaller number.` : days;
}
