import { addEntries, HISTORY_CAP, type NewHistoryEntry, pruneHistory, toStoredEntry } from '../history';
import type { SignedLink } from '../sign-link';
import { type HistoryEntry, historyItem, historySettingsItem } from './storage';

const LOCK = 's3-presign-history';

// Within one page or worker, writes queue here; across the popup and the background (separate contexts of the
// same origin), the Web Locks API serialises them, so two writers never read the same list and drop an entry.
let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` alone: no other history write, in this context or another, runs meanwhile. */
function serialised<T>(change: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks ? () => locks.request(LOCK, change) : change;
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Where a recorded link came from and what the link itself does not say. */
export interface RecordOptions {
  source: HistoryEntry['source'];
  /** The profile's id; SignedLink.profileId when absent. */
  profileId?: string | undefined;
  versionId?: string | undefined;
  /** Store's clock minus this computer's, when the link was signed with the corrected time. */
  clockOffsetMs?: number | undefined;
  now?: Date;
}

function newEntry(link: SignedLink, options: RecordOptions, now: Date): NewHistoryEntry {
  return {
    id: crypto.randomUUID(),
    source: options.source,
    method: link.method,
    bucket: link.bucket,
    key: link.key,
    ...(options.versionId ? { versionId: options.versionId } : {}),
    profileId: options.profileId ?? link.profileId ?? '',
    profileName: link.profileName,
    createdAt: now.toISOString(),
    expiresAt: link.expiresAt,
    url: link.url,
    ...(options.clockOffsetMs ? { clockOffsetMs: options.clockOffsetMs } : {}),
  };
}

/**
 * Records signed links in the history (newest first, at most 1,000 kept, one entry per link, session tokens
 * stripped) unless the user turned history off. Returns how many were recorded. Never needs awaiting for the
 * link's sake: callers run it after the link is delivered and ignore its failure.
 */
export async function recordLinks(links: readonly SignedLink[], options: RecordOptions): Promise<number> {
  if (links.length === 0) return 0;
  const settings = await historySettingsItem.getValue();
  if (!settings.enabled) return 0;
  const now = options.now ?? new Date();
  // A bulk copy larger than the history keeps only its first 1,000 (the rest would be dropped at once anyway).
  const kept = links.slice(0, HISTORY_CAP);
  const entries = await Promise.all(kept.map((link) => toStoredEntry(newEntry(link, options, now))));
  return serialised(async () => {
    const list = await historyItem.getValue();
    await historyItem.setValue(addEntries(list, entries, now, settings.keepExpiredDays, HISTORY_CAP));
    return entries.length;
  });
}

/** Records one signed link (see recordLinks). */
export async function recordLink(link: SignedLink, options: RecordOptions): Promise<boolean> {
  return (await recordLinks([link], options)) === 1;
}

/** Removes one entry. */
export function forgetEntry(id: string): Promise<void> {
  return serialised(async () => {
    const list = await historyItem.getValue();
    await historyItem.setValue(list.filter((entry) => entry.id !== id));
  });
}

/** Empties the history. */
export function clearHistory(): Promise<void> {
  return serialised(() => historyItem.setValue([]));
}

/** Drops expired entries past the kept days now (the history view calls it when it opens). */
export function pruneStoredHistory(now = new Date()): Promise<void> {
  return serialised(async () => {
    const [list, settings] = await Promise.all([historyItem.getValue(), historySettingsItem.getValue()]);
    const kept = pruneHistory(list, now, settings.keepExpiredDays);
    if (kept.length !== list.length) await historyItem.setValue(kept);
  });
}
