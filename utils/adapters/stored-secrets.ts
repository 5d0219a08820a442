import { browser } from 'wxt/browser';
import { type ProfileSecrets, type StoredProfile, splitSecrets } from './storage';
import { checkProfiles, checkSecrets, inlineSecrets, withoutInlineSecrets } from './stored-checks';

// The profiles, the plain secrets and the vault as ONE read of storage.local, taken directly (not through
// profilesItem, whose migration takes the secrets lock: code under the lock would wait for itself).

/** The three values that hold profiles and their keys, raw. */
export interface StoredSecrets {
  profiles: unknown;
  secrets: unknown;
  /** The sealed vault, or null without a passphrase. */
  vault: unknown;
}

export async function readStoredSecrets(): Promise<StoredSecrets> {
  const got = await browser.storage.local.get(['profiles', 'secrets', 'vault']);
  return { profiles: got.profiles, secrets: got.secrets, vault: got.vault ?? null };
}

/** Plain keys that sit beside a vault (inline in the profiles or in `local:secrets`): they must be sealed. */
export function plainLeftovers(stored: StoredSecrets): Record<string, ProfileSecrets> {
  const plain = checkSecrets(stored.secrets).value;
  const kept = Object.entries({ ...inlineSecrets(stored.profiles), ...plain }).filter(
    ([, secret]) => secret.secretAccessKey !== '',
  );
  return Object.fromEntries(kept);
}

/** The write that removes the plain leftovers (after they were sealed): `secrets` emptied, inline ones stripped. */
export function clearedLeftovers(stored: StoredSecrets): Record<string, unknown> {
  const cleared: Record<string, unknown> = {};
  // A damaged `local:secrets` stays as it was (reported, cleared by the user); a readable one is emptied.
  if (!checkSecrets(stored.secrets).problem) cleared.secrets = {};
  if (Array.isArray(stored.profiles) && Object.keys(inlineSecrets(stored.profiles)).length > 0) {
    cleared.profiles = withoutInlineSecrets(stored.profiles);
    cleared.profiles$ = { v: 2 };
  }
  return cleared;
}

/** The well-formed profiles, without their inline secrets (what the locked screen and menus may see). */
export function storedProfiles(stored: StoredSecrets): StoredProfile[] {
  return splitSecrets(checkProfiles(stored.profiles).value).profiles;
}
