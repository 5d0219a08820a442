import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { capListing, indexWith, keysOfProfile } from '../listing-cache';
import { type CachedListing, lastListingItem, listingIndexItem, listingStorageKey } from './storage';

// The index (listingIndex) is read, changed and written back: two writers at once (two folders loaded in a row,
// the popup and the options page) would each write the index they read, and one entry would be lost. So every
// change of the index holds a lock, across the extension's pages where the browser has Web Locks, and within
// this page otherwise. The index is also written BEFORE the listing it names: a page closed between the two
// leaves an index entry with no listing (harmless), never a listing no index entry names. Listings that are
// in no index all the same (written by older versions) are found by listing storage's keys, where the browser
// has getKeys; elsewhere they stay until the browser gains it (reading every value to find them is not worth
// loading the profiles' secrets for).

const LOCK_NAME = 's3-presign:listing-index';
let localQueue: Promise<unknown> = Promise.resolve();

function withIndexLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(LOCK_NAME, work);
  const run = localQueue.then(work, work);
  localQueue = run.catch(() => undefined);
  return run;
}

/** The storage.local key ("listing:…", without WXT's "local:") → the cache key ("profile|bucket|prefix"). */
const LISTING_PREFIX = listingStorageKey('').slice('local:'.length);

/**
 * The cache keys of every listing in storage, index or not, through getKeys (Chrome 130, Firefox 143), which
 * reads names only. Undefined on older browsers: there the one way to list names is get(null), which would read
 * the whole store (profiles and their secrets included) into memory, so callers go by the index alone.
 */
async function storedListingKeys(): Promise<string[] | undefined> {
  const area = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  if (typeof area.getKeys !== 'function') return undefined;
  let names: string[];
  try {
    names = await area.getKeys();
  } catch {
    return undefined;
  }
  return names
    .filter((name) => name.startsWith(LISTING_PREFIX))
    .map((name) => name.slice(LISTING_PREFIX.length));
}

/** One folder's cached listing, or undefined; a cache that cannot be read is only a lost head start. */
export async function readListing(key: string): Promise<CachedListing | undefined> {
  try {
    return (await storage.getItem<CachedListing>(listingStorageKey(key))) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Caches one folder's listing and forgets the oldest folders beyond the cap, and any listing no index entry
 * names. Never throws: storage may be full.
 */
export async function writeListing(key: string, listing: CachedListing): Promise<void> {
  try {
    const capped = capListing(listing);
    await withIndexLock(async () => {
      const { index, evicted } = indexWith(await listingIndexItem.getValue(), key, capped.fetchedAt);
      await listingIndexItem.setValue(index);
      await Promise.all([
        storage.setItem(listingStorageKey(key), capped),
        lastListingItem.setValue({ key, listing: capped }),
      ]);
      const stored = (await storedListingKeys()) ?? [];
      const stray = stored.filter((name) => !Object.hasOwn(index, name));
      const forget = [...new Set([...evicted, ...stray])];
      if (forget.length > 0) await storage.removeItems(forget.map(listingStorageKey));
    });
  } catch {
    // Browsing goes on without the cache.
  }
}

/**
 * Forgets every cached folder of a profile: those in the index, and, where the browser can list storage's keys
 * cheaply (getKeys), any other stored for it.
 */
export async function forgetListings(profileId: string): Promise<void> {
  await withIndexLock(async () => {
    const [index, stored, last] = await Promise.all([
      listingIndexItem.getValue(),
      storedListingKeys(),
      lastListingItem.getValue(),
    ]);
    const inIndex = keysOfProfile(index, profileId);
    const everywhere = keysOfProfile(
      Object.fromEntries([...Object.keys(index), ...(stored ?? [])].map((key) => [key, ''])),
      profileId,
    );
    if (last && keysOfProfile({ [last.key]: '' }, profileId).length > 0) await lastListingItem.setValue(null);
    if (everywhere.length === 0) return;
    await storage.removeItems(everywhere.map(listingStorageKey));
    if (inIndex.length > 0) {
      await listingIndexItem.setValue(
        Object.fromEntries(Object.entries(index).filter(([key]) => !inIndex.includes(key))),
      );
    }
  });
}
