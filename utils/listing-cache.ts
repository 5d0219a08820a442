import type { CachedListing } from './adapters/storage';

/** How many folders are remembered, and how many objects each: enough to paint at once, small enough for storage. */
export const CACHE_MAX_ENTRIES = 40;
export const CACHE_MAX_OBJECTS = 2_000;

/** The cache key of one folder ("" bucket = the profile's bucket list). */
export function listingKey(profileId: string, bucket: string, prefix: string): string {
  return `${profileId}|${bucket}|${prefix}`;
}

/** The cache with one listing put in (capped), the oldest entries evicted beyond CACHE_MAX_ENTRIES. */
export function putListing(
  cache: Readonly<Record<string, CachedListing>>,
  key: string,
  listing: CachedListing,
): Record<string, CachedListing> {
  const capped: CachedListing =
    listing.objects.length > CACHE_MAX_OBJECTS
      ? { ...listing, objects: listing.objects.slice(0, CACHE_MAX_OBJECTS), truncated: true }
      : listing;
  const entries = Object.entries({ ...cache, [key]: capped }).sort(([, a], [, b]) =>
    b.fetchedAt.localeCompare(a.fetchedAt),
  );
  return Object.fromEntries(entries.slice(0, CACHE_MAX_ENTRIES));
}

/** The cache without a profile's entries (when the profile is removed or its keys change). */
export function dropProfile(
  cache: Readonly<Record<string, CachedListing>>,
  profileId: string,
): Record<string, CachedListing> {
  return Object.fromEntries(Object.entries(cache).filter(([key]) => !key.startsWith(`${profileId}|`)));
}
