import { describe, expect, it } from 'vitest';
import type { CachedListing } from '@/utils/adapters/storage';
import {
  CACHE_MAX_ENTRIES,
  CACHE_MAX_OBJECTS,
  dropProfile,
  listingKey,
  putListing,
} from '@/utils/listing-cache';

function listing(at: number, objects = 1): CachedListing {
  return {
    prefixes: [],
    objects: Array.from({ length: objects }, (_, i) => ({ key: `k${i}`, size: i, lastModified: '' })),
    truncated: false,
    fetchedAt: new Date(Date.UTC(2026, 10, 22, 0, 0, at)).toISOString(),
  };
}

describe('listing cache', () => {
  it('keys by profile, bucket and prefix without collisions between them', () => {
    expect(listingKey('p', 'b', 'x/')).not.toBe(listingKey('p', 'bx', '/'));
    expect(listingKey('p', '', '')).toBe('p||');
  });

  it('caps a listing at CACHE_MAX_OBJECTS and marks it truncated', () => {
    const cache = putListing({}, 'k', listing(1, CACHE_MAX_OBJECTS + 5));
    expect(cache.k?.objects).toHaveLength(CACHE_MAX_OBJECTS);
    expect(cache.k?.truncated).toBe(true);
  });

  it('evicts the oldest entries beyond CACHE_MAX_ENTRIES and keeps the newest', () => {
    let cache: Record<string, CachedListing> = {};
    for (let i = 0; i < CACHE_MAX_ENTRIES + 3; i += 1) cache = putListing(cache, `key${i}`, listing(i));
    expect(Object.keys(cache)).toHaveLength(CACHE_MAX_ENTRIES);
    expect(cache.key0).toBeUndefined();
    expect(cache[`key${CACHE_MAX_ENTRIES + 2}`]).toBeDefined();
  });

  it('drops one profile’s entries only', () => {
    const cache = putListing(
      putListing({}, listingKey('a', 'b', ''), listing(1)),
      listingKey('ab', 'b', ''),
      listing(2),
    );
    expect(Object.keys(dropProfile(cache, 'a'))).toEqual([listingKey('ab', 'b', '')]);
  });
});
