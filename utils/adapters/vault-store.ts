import { browser } from 'wxt/browser';
import { PresignError } from '../errors';
import type { Profile } from '../profile';
import {
  createVault,
  fromBase64,
  openWithKey,
  parseVault,
  sealWithKey,
  toBase64,
  unlockVault,
  type VaultKey,
} from '../vault';
import {
  type ProfileSecrets,
  profileFormDraftItem,
  profilesItem,
  type StoredProfile,
  secretsItem,
  securitySettingsItem,
  splitSecrets,
  vaultItem,
  vaultKeyItem,
} from './storage';
import { checkProfiles, checkSecrets, checkSecuritySettings } from './stored-checks';

// The profiles with their secrets: joined from `local:profiles` and either `local:secrets` (no passphrase) or the
// sealed `local:vault` (opened with the key kept in session storage while unlocked). Every write of profiles
// and secrets is ONE storage.local.set: it happens whole or not at all.

/** What the UI and signing get: full profiles, or locked (no secret readable; the profiles' names still are). */
export type ProfilesState =
  | { status: 'ready'; profiles: Profile[]; encrypted: boolean }
  | { status: 'locked'; profiles: StoredProfile[]; error?: string };

/** A key this recent counts as just used: no write to record the use (storage writes wake every watcher). */
const TOUCH_EVERY_MS = 15_000;

/** The unlocked key, unless unused for longer than the auto-lock time (then it is dropped: locked). */
export async function currentKey(now = Date.now(), touch = true): Promise<VaultKey | undefined> {
  const [unlocked, settings] = await Promise.all([vaultKeyItem.getValue(), securitySettingsItem.getValue()]);
  if (!unlocked || typeof unlocked.key !== 'string') return undefined;
  if (now - unlocked.lastUsed > checkSecuritySettings(settings).value.autoLockMinutes * 60_000) {
    await lock();
    return undefined;
  }
  if (touch && now - unlocked.lastUsed > TOUCH_EVERY_MS)
    await vaultKeyItem.setValue({ ...unlocked, lastUsed: now });
  return { raw: fromBase64(unlocked.key), salt: unlocked.salt };
}

/** Locks now if the vault has been idle past the auto-lock time (pages call it on a timer). */
export async function lockIfIdle(now = Date.now()): Promise<void> {
  await currentKey(now, false);
}

/** Records a use of the unlocked vault (a page the user is working in): the auto-lock counts from here. */
export async function touchVault(now = Date.now()): Promise<void> {
  await currentKey(now, true);
}

/** Profiles as stored, with their secrets put back (or an empty secret: the keys must be entered again). */
function join(stored: readonly StoredProfile[], secrets: Record<string, ProfileSecrets>): Profile[] {
  return stored.map(({ secretAccessKey, sessionToken, ...rest }) => {
    // Stored apart wins; inline secrets are from a v1 value or a hand edit (moved out at the next save).
    const own = secrets[rest.id] ?? (secretAccessKey ? { secretAccessKey, sessionToken } : undefined);
    return {
      ...rest,
      secretAccessKey: own?.secretAccessKey ?? '',
      ...(own?.sessionToken ? { sessionToken: own.sessionToken } : {}),
    };
  });
}

/** The secrets the vault holds, checked like the plain ones. */
function parseSecretsText(text: string): Record<string, ProfileSecrets> {
  try {
    return checkSecrets(JSON.parse(text)).value;
  } catch {
    return {};
  }
}

/** The profiles without secrets: safe for menus and the locked screen, and readable while locked. */
export async function publicProfiles(): Promise<Profile[]> {
  return checkProfiles(await profilesItem.getValue()).value.map(
    ({ secretAccessKey: _s, sessionToken: _t, ...rest }) => ({ ...rest, secretAccessKey: '' }),
  );
}

/** Reads the profiles with their secrets, or says it is locked. Never throws on a damaged stored value. */
export async function loadProfiles(now = Date.now()): Promise<ProfilesState> {
  const [storedProfiles, storedVault, storedSecrets] = await Promise.all([
    profilesItem.getValue(),
    vaultItem.getValue(),
    secretsItem.getValue(),
  ]);
  const profiles = checkProfiles(storedProfiles).value;
  if (storedVault === null || storedVault === undefined)
    return { status: 'ready', profiles: join(profiles, checkSecrets(storedSecrets).value), encrypted: false };
  // Locked: names and endpoints only (a hand-edited profile may carry inline secrets: not passed on).
  const locked = (error?: unknown): ProfilesState => ({
    status: 'locked',
    profiles: splitSecrets(profiles).profiles,
    ...(error instanceof PresignError && error.code !== 'vault-locked' ? { error: error.message } : {}),
  });
  try {
    parseVault(storedVault); // A damaged or downgraded vault is said at once, not after the passphrase.
  } catch (error) {
    return locked(error);
  }
  const key = await currentKey(now);
  if (!key) return locked();
  try {
    const text = await openWithKey(key, storedVault);
    return { status: 'ready', profiles: join(profiles, parseSecretsText(text)), encrypted: true };
  } catch (error) {
    // A vault changed under the key (another page changed the passphrase) or damaged: locked, with why.
    return locked(error);
  }
}

/** The profiles with secrets, or a PresignError saying why not (locked, damaged). */
export async function requireProfiles(
  now = Date.now(),
): Promise<{ profiles: Profile[]; encrypted: boolean }> {
  const state = await loadProfiles(now);
  if (state.status === 'locked')
    throw new PresignError(
      'vault-locked',
      state.error ??
        'Your keys are locked with your passphrase. Open S3 Presign (click here or the toolbar button), unlock it, then copy the link again.',
    );
  return state;
}

/** Refuses a write over a stored value that failed its checks: it stays as it was until the user clears it. */
async function assertWritable(): Promise<void> {
  const [profiles, secrets] = await Promise.all([profilesItem.getValue(), secretsItem.getValue()]);
  if (checkProfiles(profiles).problem || checkSecrets(secrets).problem)
    throw new PresignError(
      'storage-damaged',
      'The stored profiles are damaged (edited by hand or by another program), so nothing was saved over them. Open Settings → Security to see the problem and clear it.',
    );
}

function secretsOf(profiles: readonly Profile[]): Record<string, ProfileSecrets> {
  const { secrets } = splitSecrets(profiles);
  // An empty secret is a profile whose keys were reset: nothing to keep.
  return Object.fromEntries(Object.entries(secrets).filter(([, secret]) => secret.secretAccessKey !== ''));
}

/**
 * Stores these profiles as the whole list, each with its secrets, in one write: sealed when a passphrase is
 * set (needs the vault unlocked), plain otherwise. A refused write (quota) changes nothing.
 */
export async function writeProfiles(profiles: readonly Profile[], now = Date.now()): Promise<void> {
  await assertWritable();
  const stripped = splitSecrets(profiles).profiles;
  const secrets = secretsOf(profiles);
  const stored = await vaultItem.getValue();
  if (stored === null || stored === undefined) {
    await browser.storage.local.set({ profiles: stripped, profiles$: { v: 2 }, secrets });
    return;
  }
  const vault = parseVault(stored);
  const key = await currentKey(now);
  if (!key || key.salt !== vault.kdf.salt) throw new PresignError('vault-locked', lockedWriteMessage);
  const sealed = await sealWithKey(key, vault.kdf, JSON.stringify(secrets));
  await browser.storage.local.set({ profiles: stripped, profiles$: { v: 2 }, vault: sealed });
}

const lockedWriteMessage = 'S3 Presign is locked: unlock it with your passphrase, then save again.';

async function keepKey(key: VaultKey, now: number): Promise<void> {
  await vaultKeyItem.setValue({ key: toBase64(key.raw), salt: key.salt, lastUsed: now });
}

/** Unlocks with the passphrase; throws "wrong passphrase" (or why the vault cannot open), changing nothing. */
export async function unlock(passphrase: string, now = Date.now()): Promise<void> {
  const stored = await vaultItem.getValue();
  if (stored === null || stored === undefined) return;
  const { key } = await unlockVault(passphrase, stored);
  await keepKey(key, now);
}

/** Locks now: the key leaves session storage (and so does a half-typed profile form, which may hold a key). */
export async function lock(): Promise<void> {
  await Promise.all([vaultKeyItem.removeValue(), profileFormDraftItem.removeValue()]);
}

/** Whether a passphrase protects the secrets. */
export async function hasPassphrase(): Promise<boolean> {
  const stored = await vaultItem.getValue();
  return stored !== null && stored !== undefined;
}

/** Encrypts the plain secrets under a new passphrase: the vault and the emptied plain secrets in one write. */
export async function setPassphrase(passphrase: string, now = Date.now()): Promise<void> {
  if (await hasPassphrase())
    throw new PresignError('invalid-passphrase', 'A passphrase is already set: use Change passphrase.');
  await assertWritable();
  const state = await requireProfiles(now);
  const { vault, key } = await createVault(passphrase, JSON.stringify(secretsOf(state.profiles)));
  await browser.storage.local.set({
    vault,
    secrets: {},
    profiles: splitSecrets(state.profiles).profiles,
    profiles$: { v: 2 },
  });
  await keepKey(key, now);
}

/** Re-seals every secret under a new passphrase (new salt): one write; if it fails, the old vault still opens. */
export async function changePassphrase(current: string, next: string, now = Date.now()): Promise<void> {
  const stored = await vaultItem.getValue();
  if (stored === null || stored === undefined)
    throw new PresignError('invalid-passphrase', 'No passphrase is set: use Set a passphrase.');
  const { text } = await unlockVault(current, stored);
  const { vault, key } = await createVault(next, text);
  await browser.storage.local.set({ vault });
  await keepKey(key, now);
}

/** Removes the passphrase (needs it): the secrets are stored unencrypted again, in one write. */
export async function removePassphrase(current: string): Promise<void> {
  const stored = await vaultItem.getValue();
  if (stored === null || stored === undefined) return;
  const { text } = await unlockVault(current, stored);
  await browser.storage.local.set({ secrets: parseSecretsText(text), vault: null });
  await lock();
}

/**
 * "Forgot passphrase": deletes every secret (sealed, plain, inline) in one write and keeps everything else, the
 * profiles' names, endpoints and regions included: the user enters the keys again.
 */
export async function resetSecrets(): Promise<void> {
  const profiles = checkProfiles(await profilesItem.getValue()).value;
  await browser.storage.local.set({
    vault: null,
    secrets: {},
    profiles: splitSecrets(profiles).profiles,
    profiles$: { v: 2 },
  });
  await lock();
}

/** The secrets sealed for a file, under a passphrase: the stored vault itself, or a new one when none is set. */
export async function sealedForExport(passphrase: string): Promise<unknown> {
  const stored = await vaultItem.getValue();
  if (stored !== null && stored !== undefined) {
    await unlockVault(passphrase, stored);
    return stored;
  }
  const { profiles } = await requireProfiles();
  return (await createVault(passphrase, JSON.stringify(secretsOf(profiles)))).vault;
}

/** Opens a vault from a file with its passphrase: the secrets it holds, by profile id. */
export async function openExported(
  passphrase: string,
  sealed: unknown,
): Promise<Record<string, ProfileSecrets>> {
  return parseSecretsText((await unlockVault(passphrase, sealed)).text);
}

/**
 * While the service worker lives, locks the vault once it has been idle past the auto-lock time (no `alarms`
 * permission: a worker that stopped relies on the check every read makes, and on session storage being
 * cleared when the browser closes).
 */
export function addAutoLock(everyMs = 60_000): void {
  setInterval(() => void lockIfIdle().catch(() => undefined), everyMs);
}
