import type { Profile } from '../profile';
import { refusedHostMessage, requestHostAccess } from './host-permission';
import { forgetListings } from './listing-store';
import { bucketProfilesItem, lastPickedItem, preferencesItem, profilesItem } from './storage';

/** Adds profiles or replaces those with their ids (in one write), and makes the last one the current one. */
export async function saveProfiles(saved: readonly Profile[]): Promise<void> {
  const last = saved.at(-1);
  if (!last) return;
  const stored = await profilesItem.getValue();
  const replaced = new Map(saved.map((profile) => [profile.id, profile]));
  const kept = stored.map((profile) => replaced.get(profile.id) ?? profile);
  const added = saved.filter((profile) => !stored.some((existing) => existing.id === profile.id));
  await profilesItem.setValue([...kept, ...added]);
  // Changed keys or endpoint make the cached listings stale.
  for (const profile of saved) await forgetListings(profile.id);
  await preferencesItem.setValue({ ...(await preferencesItem.getValue()), lastProfileId: last.id });
}

/**
 * What the Save button does: ask for access to custom endpoints (inside the click, so the browser prompts),
 * then store the profiles. Returns what to tell the user when access was refused.
 */
export async function saveProfilesAsking(profiles: readonly Profile[]): Promise<string | undefined> {
  const endpoints = profiles.map((profile) => profile.endpoint);
  const access = await requestHostAccess(endpoints);
  await saveProfiles(profiles);
  return access === 'refused'
    ? refusedHostMessage(endpoints.filter((endpoint) => endpoint !== undefined))
    : undefined;
}

/** Removes a profile with its keys, and everything that pointed at it (cache, bucket choices, last picked). */
export async function removeProfile(id: string): Promise<void> {
  // The keys go first: if a later write fails, nothing usable is left of the profile.
  await profilesItem.setValue((await profilesItem.getValue()).filter((profile) => profile.id !== id));
  const [buckets, picked, preferences] = await Promise.all([
    bucketProfilesItem.getValue(),
    lastPickedItem.getValue(),
    preferencesItem.getValue(),
  ]);
  const { [id]: _location, ...lastLocation } = preferences.lastLocation ?? {};
  await Promise.all([
    forgetListings(id),
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
