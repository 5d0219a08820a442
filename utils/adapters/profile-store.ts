import { isPresignError } from '../errors';
import type { Profile } from '../profile';
import { refusedHostMessage, requestHostAccess } from './host-permission';
import { forgetListings } from './listing-store';
import { bucketProfilesItem, lastPickedItem, preferencesItem, profileFormDraftItem } from './storage';
import { requireProfiles, writeProfiles } from './vault-store';

/**
 * The profiles were written, but a step after them failed: what is stored signs links, and saving again
 * finishes the rest. `steps` says what was left undone, in words for the user.
 */
export class PartlySavedError extends Error {
  override readonly name = 'PartlySavedError';
  constructor(readonly steps: readonly string[]) {
    super(`Saved, but could not ${steps.join(', or ')}.`);
  }
}

export function isPartlySaved(error: unknown): error is PartlySavedError {
  return error instanceof PartlySavedError;
}

/** What to tell the user when saving threw: whether anything was stored, and what to do. */
export function saveFailure(error: unknown, count: number): string {
  const what = count === 1 ? 'The profile' : `The ${count} profiles`;
  if (isPartlySaved(error)) {
    return `${what} ${count === 1 ? 'was' : 'were'} saved and can sign links, but the browser's storage refused to ${error.steps.join(' and to ')}. Save again to finish.`;
  }
  if (isPresignError(error)) return `${what} could not be saved: ${error.message}`;
  return `${what} could not be saved (browser storage refused it). Nothing was changed; try again.`;
}

/**
 * Adds profiles or replaces those with their ids, and makes the last one the current one. The profiles go first,
 * in one write: if it fails, nothing was changed (it throws the storage error). If a later step fails, it throws
 * a PartlySavedError: the profiles are stored and usable. Profiles are matched by id only: an import that
 * refreshes a stored profile's keys gives it that profile's id (see previewImport); an id given twice is stored
 * once, as last given.
 */
export async function saveProfiles(saved: readonly Profile[]): Promise<void> {
  const last = saved.at(-1);
  if (!last) return;
  // Locked (or damaged) refuses here: nothing is written, and the error says to unlock.
  const { profiles: stored } = await requireProfiles();
  const replaced = new Map(saved.map((profile) => [profile.id, profile]));
  const kept = stored.map((profile) => replaced.get(profile.id) ?? profile);
  const added = [...replaced.values()].filter(
    (profile) => !stored.some((existing) => existing.id === profile.id),
  );
  // Profiles and their secrets in one write (vault-store): both stored, or neither.
  await writeProfiles([...kept, ...added]);

  const undone: string[] = [];
  const attempt = async (step: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch {
      undone.push(step);
    }
  };
  // The form's unsaved copy of a profile is obsolete once it is stored (it holds the secret too).
  await attempt('clear the unsaved form', async () => {
    const draft = await profileFormDraftItem.getValue();
    if (draft && replaced.has(draft.id)) await profileFormDraftItem.setValue(null);
  });
  // Changed keys or endpoint make the cached listings stale.
  await attempt('forget the folders cached with the old settings', async () => {
    for (const profile of saved) await forgetListings(profile.id);
  });
  await attempt('make it the current profile', async () =>
    preferencesItem.setValue({ ...(await preferencesItem.getValue()), lastProfileId: last.id }),
  );
  if (undone.length > 0) throw new PartlySavedError(undone);
}

/**
 * What the Save button does. Call it from the click handler with no await before it: it asks the browser for
 * access to custom endpoints FIRST (Firefox prompts only for a call made synchronously in the click), then
 * stores the profiles while the prompt is open, since the prompt may close the popup and end this script. The
 * profiles never wait for the answer: refused or unanswered, they still sign links. Returns what to tell the
 * user when access was refused.
 */
export async function saveProfilesAsking(profiles: readonly Profile[]): Promise<string | undefined> {
  // Each profile is asked for what its addressing reaches: its host, or its host's subdomains without path-style.
  const access = requestHostAccess(profiles);
  await saveProfiles(profiles);
  return (await access) === 'refused' ? refusedHostMessage(profiles) : undefined;
}

/** Removes a profile with its keys, and everything that pointed at it (cache, bucket choices, last picked). */
export async function removeProfile(id: string): Promise<void> {
  // The keys go first: if a later write fails, nothing usable is left of the profile.
  const { profiles } = await requireProfiles();
  await writeProfiles(profiles.filter((profile) => profile.id !== id));
  const [buckets, picked, preferences, draft] = await Promise.all([
    bucketProfilesItem.getValue(),
    lastPickedItem.getValue(),
    preferencesItem.getValue(),
    profileFormDraftItem.getValue(),
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
    // An unsaved edit of the profile holds keys too.
    draft?.id === id ? profileFormDraftItem.setValue(null) : undefined,
    preferencesItem.setValue({
      ...preferences,
      lastLocation,
      ...(preferences.lastProfileId === id ? { lastProfileId: undefined } : {}),
    }),
  ]);
}
