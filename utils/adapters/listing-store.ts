import { storage } from 'wxt/utils/storage';
import { capListing, indexWith, keysOfProfile } from '../listing-cache';
import { type CachedListing, lastListingItem, listingIndexItem, listingStorageKey } from './storage';

/** One folder's cached listing, or undefined; a cache that cannot be read is only a lost head start. */
export async function readListing(key: string): Promise<CachedListing | undefined> {
  try {
    return (await storage.getItem<CachedListing>(listingStorageKey(key))) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Caches one folder's listing and forgets the oldest folders beyond the cap. Never throws: storage may be full. */
export async function writeListing(key: string, listing: CachedListing): Promise<void> {
  try {
    const capped = capListing(listing);
    await Promise.all([
      storage.setItem(listingStorageKey(key), capped),
      lastListingItem.setValue({ key, listing: capped }),
    ]);
    const { index, evicted } = indexWith(await listingIndexItem.getValue(), key, capped.fetchedAt);
    await listingIndexItem.setValue(index);
    if (evicted.length > 0) await storage.removeItems(evicted.map(listingStorageKey));
  } catch {
    // Browsing goes on without the cache.
  }
}

/** Forgets every cached folder of a profile. */
export async function forgetListings(profileId: string): Promise<void> {
  const index = await listingIndexItem.getValue();
  const keys = keysOfProfile(index, profileId);
  const last = await lastListingItem.getValue();
  if (last && keysOfProfile({ [last.key]: '' }, profileId).length > 0) await lastListingItem.setValue(null);
  if (keys.length === 0) return;
  await storage.removeItems(keys.map(listingStorageKey));
  await listingIndexItem.setValue(
    Object.fromEntries(Object.entries(index).filter(([key]) => !keys.includes(key))),
  );
}
