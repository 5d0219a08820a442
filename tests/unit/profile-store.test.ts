import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readListing, writeListing } from '@/utils/adapters/listing-store';
import { removeProfile, saveProfiles, saveProfilesAsking } from '@/utils/adapters/profile-store';
import {
  bucketProfilesItem,
  type CachedListing,
  lastListingItem,
  lastPickedItem,
  listingIndexItem,
  preferencesItem,
  profilesItem,
} from '@/utils/adapters/storage';
import { listingKey } from '@/utils/listing-cache';
import type { Profile } from '@/utils/profile';

// The profile store against WXT's fakeBrowser storage: saving replaces by id, and removing a profile takes its
// keys and everything that pointed at it.

const profile = (id: string, endpoint?: string): Profile => ({
  id,
  name: id,
  accessKeyId: `AKIA${id.toUpperCase()}`,
  secretAccessKey: `secret-${id}`,
  region: 'us-east-1',
  forcePathStyle: Boolean(endpoint),
  ...(endpoint ? { endpoint } : {}),
});
const listing: CachedListing = {
  prefixes: ['a/'],
  objects: [],
  truncated: false,
  fetchedAt: '2026-11-22T00:00:00Z',
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('saveProfiles', () => {
  it('adds new profiles, replaces edited ones in place, and makes the last the current one', async () => {
    await saveProfiles([profile('one'), profile('two')]);
    await saveProfiles([{ ...profile('one'), name: 'renamed' }, profile('three')]);
    expect((await profilesItem.getValue()).map((p) => p.name)).toEqual(['renamed', 'two', 'three']);
    expect((await preferencesItem.getValue()).lastProfileId).toBe('three');
  });

  it('forgets the cached listings of a profile whose keys or endpoint changed', async () => {
    await saveProfiles([profile('one')]);
    await writeListing(listingKey('one', 'b', ''), listing);
    expect(await lastListingItem.getValue()).toEqual({ key: listingKey('one', 'b', ''), listing });
    await saveProfiles([{ ...profile('one'), secretAccessKey: 'rotated' }]);
    expect(await readListing(listingKey('one', 'b', ''))).toBeUndefined();
    expect(await lastListingItem.getValue()).toBeNull();
  });

  it('asks once for access to custom hosts and says so when it is refused', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    const message = await saveProfilesAsking([profile('a', 'https://minio.example.com:9000'), profile('b')]);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://minio.example.com/*'] });
    expect(message).toMatch(/did not grant access to minio\.example\.com:9000/);
    expect(await profilesItem.getValue()).toHaveLength(2); // saved anyway: signing needs no host access
  });
});

describe('removeProfile', () => {
  it('removes the keys and everything that pointed at the profile, and nothing of the others', async () => {
    await saveProfiles([profile('gone'), profile('kept')]);
    await writeListing(listingKey('gone', 'b', ''), listing);
    await writeListing(listingKey('kept', 'b', ''), listing);
    await bucketProfilesItem.setValue({ 'aws|b': 'gone', 'aws|c': 'kept' });
    await lastPickedItem.setValue({ profileId: 'gone', bucket: 'b', key: 'k', pickedAt: '' });
    await preferencesItem.setValue({
      defaultExpiresIn: 3600,
      lastProfileId: 'gone',
      lastLocation: { gone: { bucket: 'b', prefix: '' }, kept: { bucket: 'c', prefix: '' } },
    });

    await removeProfile('gone');

    expect((await profilesItem.getValue()).map((p) => p.id)).toEqual(['kept']);
    expect(await readListing(listingKey('gone', 'b', ''))).toBeUndefined();
    expect(await readListing(listingKey('kept', 'b', ''))).toEqual(listing);
    expect(Object.keys(await listingIndexItem.getValue())).toEqual([listingKey('kept', 'b', '')]);
    expect(await bucketProfilesItem.getValue()).toEqual({ 'aws|c': 'kept' });
    expect(await lastPickedItem.getValue()).toBeNull();
    const preferences = await preferencesItem.getValue();
    expect(preferences.lastProfileId).toBeUndefined();
    expect(preferences.lastLocation).toEqual({ kept: { bucket: 'c', prefix: '' } });
    expect(JSON.stringify(await browser.storage.local.get())).not.toContain('secret-gone');
    // The last listing saved was the kept profile's: it stays.
    expect(await lastListingItem.getValue()).toMatchObject({ key: listingKey('kept', 'b', '') });
  });
});
