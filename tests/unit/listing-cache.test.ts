import { describe, expect, it } from 'vitest';
import type { CachedListing } from '@/utils/adapters/storage';
import {
  CACHE_MAX_ENTRIES,
  CACHE_MAX_OBJECTS,
  capListing,
  indexWith,
  keysOfProfile,
  listingKey,
} from '@/utils/listing-cache';

function listing(objects: number): CachedListing {
  return {
    prefixes: [],
    objects: Array.from({ length: objects }, (_, i) => ({ key: `k${i}`, size: i, lastModified: '' })),
    truncated: false,
    fetchedAt: '2026-11-22T00:00:00.000Z',
  };
}

const at = (second: number): string => new Date(Date.UTC(2026, 10, 22, 0, 0, second)).toISOString();

describe('listing cache', () => {
  it('keys by profile, bucket and prefix without collisions between them', () => {
    expect(listingKey('p', 'b', 'x/')).not.toBe(listingKey('p', 'bx', '/'));
    expect(listingKey('p', '', '')).toBe('p||');
  });

  it('caps a listing at CACHE_MAX_OBJECTS and marks it truncated; leaves a small one as it is', () => {
    const capped = capListing(listing(CACHE_MAX_OBJECTS + 5));
    expect(capped.objects).toHaveLength(CACHE_MAX_OBJECTS);
    expect(capped.truncated).toBe(true);
    const small = listing(3);
    expect(capListing(small)).toBe(small);
  });

  it('keeps the newest folders in the index and names the oldest to forget', () => {
    let index: Record<string, string> = {};
    const evicted: string[] = [];
    for (let i = 0; i < CACHE_MAX_ENTRIES + 3; i += 1) {
      const next = indexWith(index, `key${i}`, at(i));
      index = next.index;
      evicted.push(...next.evicted);
    }
    expect(Object.keys(index)).toHaveLength(CACHE_MAX_ENTRIES);
    expect(evicted).toEqual(['key0', 'key1', 'key2']);
    // Visiting an old folder again refreshes it instead of adding a second entry.
    const again = indexWith(index, 'key5', at(999));
    expect(Object.keys(again.index)).toHaveLength(CACHE_MAX_ENTRIES);
    expect(again.evicted).toEqual([]);
    expect(again.index.key5).toBe(at(999));
  });

  it('finds one profile’s folders only (not those of a profile whose id starts the same)', () => {
    const index = {
      [listingKey('a', 'b', '')]: at(1),
      [listingKey('ab', 'b', '')]: at(2),
      [listingKey('a', '', '')]: at(3),
    };
    expect(keysOfProfile(index, 'a').sort()).toEqual(['a|b|', 'a||']);
  });
});
