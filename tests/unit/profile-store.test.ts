import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readListing, writeListing } from '@/utils/adapters/listing-store';
import {
  isPartlySaved,
  removeProfile,
  saveFailure,
  saveProfiles,
  saveProfilesAsking,
} from '@/utils/adapters/profile-store';
import {
  bucketProfilesItem,
  type CachedListing,
  lastListingItem,
  lastPickedItem,
  listingIndexItem,
  type ProfileFormDraft,
  preferencesItem,
  profileFormDraftItem,
  profilesItem,
} from '@/utils/adapters/storage';
import { listingKey } from '@/utils/listing-cache';
import type { Profile } from '@/utils/profile';
import { EMPTY_DRAFT } from '@/utils/profile-draft';

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

/** The form's unsaved copy of profile `id`, secret included. */
const formDraft = (id: string, form = 'new'): ProfileFormDraft => ({
  form,
  id,
  provider: 'aws',
  inputs: {},
  draft: { ...EMPTY_DRAFT, name: id, secretAccessKey: `typed-secret-${id}` },
});

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
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

  it('writes the profiles in one write first: if it fails, nothing was changed and the form says so', async () => {
    await saveProfiles([profile('one')]);
    await profileFormDraftItem.setValue(formDraft('two'));
    const before = await browser.storage.local.get();
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const error = await saveProfiles([profile('two')]).catch((thrown: unknown) => thrown);
    expect(isPartlySaved(error)).toBe(false);
    expect(await browser.storage.local.get()).toEqual(before);
    expect(await profileFormDraftItem.getValue()).toEqual(formDraft('two')); // what was typed is kept
    expect(saveFailure(error, 1)).toMatch(/could not be saved .* Nothing was changed/);
  });

  it('says what was saved when a step after the profiles fails', async () => {
    await saveProfiles([profile('one')]);
    vi.spyOn(preferencesItem, 'setValue').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const error = await saveProfiles([profile('two')]).catch((thrown: unknown) => thrown);
    expect(isPartlySaved(error)).toBe(true);
    expect((await profilesItem.getValue()).map((p) => p.id)).toEqual(['one', 'two']);
    const message = saveFailure(error, 1);
    expect(message).toMatch(/^The profile was saved and can sign links, but .*make it the current profile/);
    expect(message).not.toMatch(/Nothing was changed/);
    expect(saveFailure(error, 3)).toMatch(/^The 3 profiles were saved/);
  });

  it('clears the unsaved form once its profile is stored, and only that one', async () => {
    await profileFormDraftItem.setValue(formDraft('other'));
    await saveProfiles([profile('one')]);
    expect(await profileFormDraftItem.getValue()).toEqual(formDraft('other'));
    await profileFormDraftItem.setValue(formDraft('one'));
    await saveProfiles([profile('one')]);
    expect(await profileFormDraftItem.getValue()).toBeNull();
  });
});

describe('saveProfilesAsking', () => {
  it('asks for host access before any other call (inside the click), for each custom host once', () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    const read = vi.spyOn(browser.storage.local, 'get');
    void saveProfilesAsking([profile('a', 'https://minio.example.com:9000'), profile('b')]);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://minio.example.com/*'] });
    expect(request.mock.invocationCallOrder[0]).toBeLessThan(read.mock.invocationCallOrder[0] ?? Infinity);
  });

  it('asks a path-style profile for its host only, and one with buckets in the host name for the subdomains', () => {
    const request = vi.spyOn(browser.permissions, 'request').mockReturnValue(new Promise(() => {}) as never);
    void saveProfilesAsking([
      profile('path', 'https://minio.example.com:9000'),
      { ...profile('virtual', 'https://ceph.example.org'), forcePathStyle: false },
    ]);
    expect(request).toHaveBeenCalledWith({
      origins: ['https://minio.example.com/*', 'https://*.ceph.example.org/*'],
    });
  });

  it('stores the profile while the prompt is still open: an answer that never comes loses nothing', async () => {
    // The prompt can close the popup, ending its script before any answer arrives.
    vi.spyOn(browser.permissions, 'request').mockReturnValue(new Promise(() => {}) as never);
    await profileFormDraftItem.setValue(formDraft('a'));
    void saveProfilesAsking([profile('a', 'https://minio.example.com:9000')]);
    await vi.waitFor(async () => {
      expect((await profilesItem.getValue()).map((p) => p.id)).toEqual(['a']);
      expect((await preferencesItem.getValue()).lastProfileId).toBe('a');
      expect(await profileFormDraftItem.getValue()).toBeNull();
    });
  });

  it.each([
    { what: 'refused', answer: () => Promise.resolve(false) },
    {
      what: 'impossible to ask (Firefox outside the click)',
      answer: () => {
        throw new Error('permissions.request may only be called from a user input handler');
      },
    },
  ])(
    'when access is $what: saves anyway and says listing needs it, with where to ask again',
    async ({ answer }) => {
      vi.spyOn(browser.permissions, 'request').mockImplementation(answer as never);
      const message = await saveProfilesAsking([
        profile('a', 'https://minio.example.com:9000'),
        profile('b'),
        profile('c', 'http://127.0.0.1:7480'),
      ]);
      expect(message).toMatch(/did not grant access to minio\.example\.com:9000\./); // not the loopback one
      expect(message).toMatch(/Allow access/);
      expect(message).not.toContain('secret-a');
      expect(await profilesItem.getValue()).toHaveLength(3); // saved anyway: signing needs no host access
    },
  );

  it('says nothing when access is granted or not needed', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    await expect(saveProfilesAsking([profile('a', 'https://minio.example.com')])).resolves.toBeUndefined();
    await expect(saveProfilesAsking([profile('b', 'http://127.0.0.1:7480')])).resolves.toBeUndefined();
    expect(request).toHaveBeenCalledTimes(1);
  });
});

describe('removeProfile', () => {
  it('removes the keys and everything that pointed at the profile, and nothing of the others', async () => {
    await saveProfiles([profile('gone'), profile('kept')]);
    await profileFormDraftItem.setValue(formDraft('gone', 'gone'));
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
    expect(await profileFormDraftItem.getValue()).toBeNull(); // its unsaved edit held keys too
    // The last listing saved was the kept profile's: it stays.
    expect(await lastListingItem.getValue()).toMatchObject({ key: listingKey('kept', 'b', '') });
  });
});
