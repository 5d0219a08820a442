import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetListings, readListing, writeListing } from '@/utils/adapters/listing-store';
import { type CachedListing, lastListingItem, listingIndexItem } from '@/utils/adapters/storage';
import { CACHE_MAX_ENTRIES, listingKey } from '@/utils/listing-cache';

// The listing cache's storage (utils/adapters/listing-store.ts) against WXT's fakeBrowser: the index never loses
// an entry to two writes at once, and no cached listing (bucket and key names) outlives its profile.

const at = (second: number): string => new Date(Date.UTC(2026, 10, 22, 0, 0, second)).toISOString();
const listing = (second = 0): CachedListing => ({
  prefixes: ['a/'],
  objects: [{ key: 'secret-plans.pdf', size: 1, lastModified: at(second) }],
  truncated: false,
  fetchedAt: at(second),
});

/** Every listing stored, by cache key, whatever the index says. */
async function storedListings(): Promise<string[]> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.keys(all)
    .filter((name) => name.startsWith('listing:'))
    .map((name) => name.slice('listing:'.length))
    .sort();
}

/** A listing written without an index entry, as a lost index update (or an older version) left it. */
function strayListing(key: string): Promise<void> {
  return fakeBrowser.storage.local.set({ [`listing:${key}`]: listing() });
}

/** Gives fakeBrowser's storage.local the getKeys that Chrome 130+ and Firefox 143+ have. */
function withGetKeys(): void {
  const local = fakeBrowser.storage.local as unknown as { getKeys: () => Promise<string[]> };
  local.getKeys = vi.fn(async () => Object.keys(await fakeBrowser.storage.local.get(null)));
}

beforeEach(() => {
  fakeBrowser.reset();
  // reset() keeps a getKeys one test added: without this, later tests would run on a browser that has it.
  delete (fakeBrowser.storage.local as { getKeys?: unknown }).getKeys;
});

describe('writeListing', () => {
  it('keeps both folders in the index when two listings are written at once', async () => {
    const one = listingKey('p', 'b', 'one/');
    const two = listingKey('p', 'b', 'two/');
    await Promise.all([writeListing(one, listing(1)), writeListing(two, listing(2))]);
    expect(Object.keys(await listingIndexItem.getValue()).sort()).toEqual([one, two]);
    expect(await readListing(one)).toEqual(listing(1));
    expect(await readListing(two)).toEqual(listing(2));
  });

  it('keeps every index entry through many writes at once, and evicts the oldest beyond the cap', async () => {
    const keys = Array.from({ length: CACHE_MAX_ENTRIES + 5 }, (_, i) => listingKey('p', 'b', `${i}/`));
    await Promise.all(keys.map((key, i) => writeListing(key, listing(i))));
    const index = await listingIndexItem.getValue();
    expect(Object.keys(index).sort()).toEqual(keys.slice(5).sort());
    // Every listing left in storage is one the index names: none escapes eviction.
    expect(await storedListings()).toEqual(Object.keys(index).sort());
  });

  it('forgets a listing no index entry names when it can list storage’s keys cheaply', async () => {
    withGetKeys();
    await strayListing(listingKey('p', 'lost', ''));
    await writeListing(listingKey('p', 'b', ''), listing(1));
    expect(await storedListings()).toEqual([listingKey('p', 'b', '')]);
  });
});

describe('forgetListings', () => {
  it('removes the profile’s listings that the index lost, not only those it names, through getKeys', async () => {
    withGetKeys();
    await writeListing(listingKey('gone', 'b', ''), listing(1));
    await writeListing(listingKey('kept', 'b', ''), listing(2));
    await strayListing(listingKey('gone', 'lost', 'x/'));
    await strayListing(listingKey('gone-too', 'b', ''));
    await forgetListings('gone');
    expect(await storedListings()).toEqual([listingKey('gone-too', 'b', ''), listingKey('kept', 'b', '')]);
    expect(Object.keys(await listingIndexItem.getValue())).toEqual([listingKey('kept', 'b', '')]);
    expect((await lastListingItem.getValue())?.key).toBe(listingKey('kept', 'b', ''));
  });

  it('without getKeys, goes by the index alone and never reads the whole store', async () => {
    await writeListing(listingKey('gone', 'b', ''), listing(1));
    await writeListing(listingKey('kept', 'b', ''), listing(2));
    await strayListing(listingKey('gone', 'lost', 'x/'));
    await fakeBrowser.storage.local.set({ profiles: [{ id: 'gone', secretAccessKey: 'hunter2' }] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await forgetListings('gone');
    // get(null) (or get() / get(undefined)) would load every value, the profiles' secrets included.
    expect(get.mock.calls.filter(([keys]) => keys === null || keys === undefined)).toEqual([]);
    get.mockRestore();
    // The stray listing (no index entry names it) stays: the price of not reading everything.
    expect(await storedListings()).toEqual([listingKey('gone', 'lost', 'x/'), listingKey('kept', 'b', '')]);
    expect(Object.keys(await listingIndexItem.getValue())).toEqual([listingKey('kept', 'b', '')]);
    expect((await lastListingItem.getValue())?.key).toBe(listingKey('kept', 'b', ''));
  });

  it('clears the last listing when it was the profile’s', async () => {
    await writeListing(listingKey('gone', 'b', ''), listing(1));
    await forgetListings('gone');
    expect(await lastListingItem.getValue()).toBeNull();
    expect(await storedListings()).toEqual([]);
  });
});
