import { dropProfile } from '../listing-cache';
import type { Profile } from '../profile';
import {
  bucketProfilesItem,
  lastPickedItem,
  listingCacheItem,
  preferencesItem,
  profilesItem,
} from './storage';

/** Adds a profile or replaces the one with its id, and makes it the current one. */
export async function saveProfile(profile: Profile): Promise<void> {
  const profiles = await profilesItem.getValue();
  const index = profiles.findIndex((existing) => existing.id === profile.id);
  const next = index === -1 ? [...profiles, profile] : profiles.map((p, i) => (i === index ? profile : p));
  await profilesItem.setValue(next);
  if (index !== -1)
    await listingCacheItem.setValue(dropProfile(await listingCacheItem.getValue(), profile.id));
  await preferencesItem.setValue({ ...(await preferencesItem.getValue()), lastProfileId: profile.id });
}

/** Removes a profile with its keys, and everything that pointed at it (cache, bucket choices, last picked). */
export async function removeProfile(id: string): Promise<void> {
  // The keys go first: if a later write fails, nothing usable is left of the profile.
  await profilesItem.setValue((await profilesItem.getValue()).filter((profile) => profile.id !== id));
  const [cache, buckets, picked, preferences] = await Promise.all([
    listingCacheItem.getValue(),
    bucketProfilesItem.getValue(),
    lastPickedItem.getValue(),
    preferencesItem.getValue(),
  ]);
  const { [id]: _location, ...lastLocation } = preferences.lastLocation ?? {};
  await Promise.all([
    listingCacheItem.setValue(dropProfile(cache, id)),
    bucketProfilesItem.setValue(
      Object.fromEntries(
        Object.entries(buckets).filter(([, profileId]) => profileId !== id),
      ) as typeof buckets,
    ),
    picked?.profileId === id ? lastPickedItem.setValue(null) : undefined,
    preferencesItem.setValue({
      ...preferences,
      lastLocation,
      ...(preferences.lastProfileId === id ? { lastProfileId: undefined } : {}),
    }),
  ]);
}
