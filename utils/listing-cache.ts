import type { CachedListing } from './adapters/storage';

/** How many folders are remembered, and how many objects each: enough to paint at once, small enough for storage. */
export const CACHE_MAX_ENTRIES = 40;
export const CACHE_MAX_OBJECTS = 2_000;

/** The cache key of one folder ("" bucket = the profile's bucket list). */
export function listingKey(profileId: string, bucket: string, prefix: string): string {
  return `${profileId}|${bucket}|${prefix}`;
}

/** A listing cut to CACHE_MAX_OBJECTS (marked truncated when cut), as it is stored. */
export function capListing(listing: CachedListing): CachedListing {
  return listing.objects.length > CACHE_MAX_OBJECTS
    ? { ...listing, objects: listing.objects.slice(0, CACHE_MAX_OBJECTS), truncated: true }
    : listing;
}

/** The index with one folder added or refreshed, and the keys of the oldest folders to forget beyond `max`. */
export function indexWith(
  index: Readonly<Record<string, string>>,
  key: string,
  fetchedAt: string,
  max = CACHE_MAX_ENTRIES,
): { index: Record<string, string>; evicted: string[] } {
  const entries = Object.entries({ ...index, [key]: fetchedAt }).sort(([, a], [, b]) => b.localeCompare(a));
  return {
    index: Object.fromEntries(entries.slice(0, max)),
    evicted: entries.slice(max).map(([evicted]) => evicted),
  };
}

/** The cached folders that belong to a profile (to forget them when it is removed or its keys change). */
export function keysOfProfile(index: Readonly<Record<string, string>>, profileId: string): string[] {
  return Object.keys(index).filter((key) => key.startsWith(`${profileId}|`));
}
