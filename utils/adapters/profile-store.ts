import { i18n } from '#i18n';
import { isPresignError } from '../errors';
import type { Profile } from '../profile';
import { refusedHostMessage, requestHostAccess } from './host-permission';
import { forgetListings } from './listing-store';
import { bucketProfilesItem, lastPickedItem, preferencesItem, profileFormDraftItem } from './storage';
import { updateProfiles } from './vault-store';

/** "a, or b, or c" / "a and to b": the steps left undone, joined pairwise (locales/en.yml profileStore.or/and). */
function joined(steps: readonly string[], by: 'or' | 'and'): string {
  const key = by === 'or' ? 'profileStore.or' : 'profileStore.and';
  return steps.slice(1).reduce((a, b) => i18n.t(key, { a, b }), steps[0] ?? '');
}

/**
 * The profiles were written, but a step after them failed: what is stored signs links, and saving again
 * finishes the rest. `steps` says what was left undone, in words for the user.
 */
export class PartlySavedError extends Error {
  override readonly name = 'PartlySavedError';
  constructor(readonly steps: readonly string[]) {
    super(i18n.t('profileStore.partly', { steps: joined(steps, 'or') }));
  }
}

export function isPartlySaved(error: unknown): error is PartlySavedError {
  return error instanceof PartlySavedError;
}

/** What to tell the user when saving threw: whether anything was stored, and what to do. */
export function saveFailure(error: unknown, count: number): string {
  if (isPartlySaved(error)) {
    const steps = joined(error.steps, 'and');
    return i18n.t('profileStore.savedBut', count, { n: count, steps });
  }
  if (isPresignError(error))
    return i18n.t('profileStore.notSaved', count, { n: count, message: error.message });
  return i18n.t('profileStore.refused', count, { n: count });
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
  const replaced = new Map(saved.map((profile) => [profile.id, profile]));
  // Read and written under the secrets lock, in one write (vault-store): a save from another page is kept, and
  // locked (or damaged) refuses here with nothing written and an error that says to unlock.
  await updateProfiles((stored) => {
    const kept = stored.map((profile) => replaced.get(profile.id) ?? profile);
    const added = [...replaced.values()].filter(
      (profile) => !stored.some((existing) => existing.id === profile.id),
    );
    return [...kept, ...added];
  });

  const undone: string[] = [];
  const attempt = async (step: string, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
    } catch {
      undone.push(step);
    }
  };
  // The form's unsaved copy of a profile is obsolete once it is stored (it holds the secret too).
  await attempt(i18n.t('profileStore.clearForm'), async () => {
    const draft = await profileFormDraftItem.getValue();
    if (draft && replaced.has(draft.id)) await profileFormDraftItem.setValue(null);
  });
  // Changed keys or endpoint make the cached listings stale.
  await attempt(i18n.t('profileStore.forgetFolders'), async () => {
    for (const profile of saved) await forgetListings(profile.id);
  });
  await attempt(i18n.t('profileStore.makeCurrent'), async () =>
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
  await updateProfiles((profiles) => profiles.filter((profile) => profile.id !== id));
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
