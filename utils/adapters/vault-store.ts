import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PresignError, type PresignErrorCode } from '../errors';
import type { Profile } from '../profile';
import {
  createVault,
  keyCheck,
  keyForPassphrase,
  openWithKey,
  parseVault,
  sealWithKey,
  unlockVault,
  type VaultKey,
} from '../vault';
import { withSecretsLock } from './secrets-lock';
import { type ProfileSecrets, profilesItem, type StoredProfile, splitSecrets, vaultItem } from './storage';
import { checkProfiles, checkSecrets } from './stored-checks';
import {
  clearedLeftovers,
  plainLeftovers,
  readStoredSecrets,
  type StoredSecrets,
  storedProfiles,
} from './stored-secrets';
import { currentKey, keepKey, lock } from './vault-session';

export { addAutoLock, currentKey, lock, lockIfIdle, touchVault } from './vault-session';

// The profiles with their secrets: joined from `local:profiles` and either `local:secrets` (no passphrase) or the
// sealed `local:vault` (opened with the key kept in session storage while unlocked). Every write of profiles
// and secrets is ONE storage.local.set: it happens whole or not at all; and every read-then-write runs under the
// secrets lock (./secrets-lock.ts), so pages writing at once never undo each other.

/** What the UI and signing get: full profiles, or locked (no secret readable; the profiles' names still are). */
export type ProfilesState =
  | { status: 'ready'; profiles: Profile[]; encrypted: boolean }
  | { status: 'locked'; profiles: StoredProfile[]; error?: string; code?: PresignErrorCode };

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

/** The state these stored values give (reads the session key, may drop it when idle). */
async function stateOf(stored: StoredSecrets, now: number): Promise<ProfilesState> {
  const profiles = checkProfiles(stored.profiles).value;
  if (stored.vault === null)
    return {
      status: 'ready',
      profiles: join(profiles, checkSecrets(stored.secrets).value),
      encrypted: false,
    };
  // Locked: names and endpoints only (a hand-edited profile may carry inline secrets: not passed on).
  const locked = (error?: unknown): ProfilesState => ({
    status: 'locked',
    profiles: storedProfiles(stored),
    ...(error instanceof PresignError && error.code !== 'vault-locked'
      ? { error: error.message, code: error.code }
      : {}),
  });
  try {
    parseVault(stored.vault); // A damaged or downgraded vault is said at once, not after the passphrase.
  } catch (error) {
    return locked(error);
  }
  const key = await currentKey(now);
  if (!key) return locked();
  try {
    const text = await openWithKey(key, stored.vault);
    // Plain keys left beside the vault (sealed at the next unlock or write) count, the vault's own first.
    const secrets = { ...plainLeftovers(stored), ...parseSecretsText(text) };
    return { status: 'ready', profiles: join(splitSecrets(profiles).profiles, secrets), encrypted: true };
  } catch (error) {
    // A vault changed under the key (another page changed the passphrase) or damaged: locked, with why.
    return locked(error);
  }
}

/** Reads the profiles with their secrets, or says it is locked. Never throws on a damaged stored value. */
export async function loadProfiles(now = Date.now()): Promise<ProfilesState> {
  return stateOf(await readStoredSecrets(), now);
}

function required(state: ProfilesState): { profiles: Profile[]; encrypted: boolean } {
  // The reason's own code (damaged, downgraded) goes on: its notice is not an "Unlock" one.
  if (state.status === 'locked')
    throw new PresignError(state.code ?? 'vault-locked', state.error ?? i18n.t('vaultStore.locked'));
  return state;
}

/** The profiles with secrets, or a PresignError saying why not (locked, damaged). */
export async function requireProfiles(
  now = Date.now(),
): Promise<{ profiles: Profile[]; encrypted: boolean }> {
  return required(await loadProfiles(now));
}

/** Refuses a write over a stored value that failed its checks: it stays as it was until the user clears it. */
function assertWritable(stored: StoredSecrets): void {
  if (checkProfiles(stored.profiles).problem || checkSecrets(stored.secrets).problem)
    throw new PresignError('storage-damaged', i18n.t('vaultStore.damaged'));
}

function secretsOf(profiles: readonly Profile[]): Record<string, ProfileSecrets> {
  const { secrets } = splitSecrets(profiles);
  // An empty secret is a profile whose keys were reset: nothing to keep.
  return Object.fromEntries(Object.entries(secrets).filter(([, secret]) => secret.secretAccessKey !== ''));
}

/** writeProfiles' step, for a caller already holding the secrets lock. */
async function writeProfilesLocked(profiles: readonly Profile[], now: number): Promise<void> {
  const stored = await readStoredSecrets();
  assertWritable(stored);
  const stripped = splitSecrets(profiles).profiles;
  const secrets = secretsOf(profiles);
  if (stored.vault === null) {
    await browser.storage.local.set({ profiles: stripped, profiles$: { v: 2 }, secrets });
    return;
  }
  const vault = parseVault(stored.vault);
  const key = await currentKey(now);
  if (!key || key.salt !== vault.kdf.salt)
    throw new PresignError('vault-locked', i18n.t('vaultStore.lockedWrite'));
  const sealed = await sealWithKey(key, vault.kdf, JSON.stringify(secrets));
  // With a passphrase no plain key stays on disk: `secrets` emptied, the profiles stripped, in the same write.
  await browser.storage.local.set({ profiles: stripped, profiles$: { v: 2 }, vault: sealed, secrets: {} });
}

/**
 * Stores these profiles as the whole list, each with its secrets, in one write: sealed when a passphrase is
 * set (needs the vault unlocked), plain otherwise. A refused write (quota) changes nothing.
 */
export async function writeProfiles(profiles: readonly Profile[], now = Date.now()): Promise<void> {
  await withSecretsLock(() => writeProfilesLocked(profiles, now));
}

/**
 * Reads the profiles with their secrets and writes what `change` makes of them, under the secrets lock: a save
 * from another page lands before or after, never in between (its profile is not lost).
 */
export async function updateProfiles(
  change: (current: Profile[]) => readonly Profile[] | Promise<readonly Profile[]>,
  now = Date.now(),
): Promise<void> {
  await withSecretsLock(async () => {
    const { profiles } = required(await loadProfiles(now));
    await writeProfilesLocked(await change(profiles), now);
  });
}

/** The sealed vault written again under `key` with every plain leftover in it (same salt, fresh IV and check). */
async function resealWithLeftovers(stored: StoredSecrets, key: VaultKey, text: string): Promise<void> {
  const vault = parseVault(stored.vault);
  const secrets = { ...plainLeftovers(stored), ...parseSecretsText(text) };
  const sealed = await sealWithKey(key, vault.kdf, JSON.stringify(secrets));
  await browser.storage.local.set({ ...clearedLeftovers(stored), vault: sealed });
}

/**
 * Unlocks with the passphrase; throws "wrong passphrase" (or why the vault cannot open), changing nothing. Plain
 * keys found beside the vault are sealed into it at once, and a damaged key check is written again.
 */
export async function unlock(passphrase: string, now = Date.now()): Promise<void> {
  const first = await vaultItem.getValue();
  if (first === null || first === undefined) return;
  const key = await keyForPassphrase(passphrase, first); // The slow part, outside the lock.
  await withSecretsLock(async () => {
    const stored = await readStoredSecrets();
    if (stored.vault === null) return; // Removed meanwhile, on another page.
    const text = await openWithKey(key, stored.vault);
    const checkDamaged = (await keyCheck(key.raw)) !== parseVault(stored.vault).check;
    if (checkDamaged || Object.keys(plainLeftovers(stored)).length > 0)
      await resealWithLeftovers(stored, key, text);
    await keepKey(key, now);
  });
}

/** Whether a passphrase protects the secrets. */
export async function hasPassphrase(): Promise<boolean> {
  const stored = await vaultItem.getValue();
  return stored !== null && stored !== undefined;
}

const alreadySet = (): PresignError =>
  new PresignError(
    'invalid-passphrase',
    i18n.t('vaultStore.alreadySet', { change: i18n.t('passphraseSettings.change') }),
  );
const noneSet = (): PresignError =>
  new PresignError(
    'invalid-passphrase',
    i18n.t('vaultStore.noneSet', { set: i18n.t('passphraseSettings.setLabel') }),
  );

/** Encrypts the plain secrets under a new passphrase: the vault and the emptied plain secrets in one write. */
export async function setPassphrase(passphrase: string, now = Date.now()): Promise<void> {
  if (await hasPassphrase()) throw alreadySet();
  // The key is derived first (half a second), outside the lock; the secrets are read and sealed inside it.
  const made = await createVault(passphrase, '{}');
  await withSecretsLock(async () => {
    const stored = await readStoredSecrets();
    if (stored.vault !== null) throw alreadySet();
    assertWritable(stored);
    const { profiles } = required(await stateOf(stored, now));
    const vault = await sealWithKey(made.key, made.vault.kdf, JSON.stringify(secretsOf(profiles)));
    await browser.storage.local.set({
      vault,
      secrets: {},
      profiles: splitSecrets(profiles).profiles,
      profiles$: { v: 2 },
    });
    await keepKey(made.key, now);
  });
}

/** Re-seals every secret under a new passphrase (new salt): one write; if it fails, the old vault still opens. */
export async function changePassphrase(current: string, next: string, now = Date.now()): Promise<void> {
  const first = await vaultItem.getValue();
  if (first === null || first === undefined) throw noneSet();
  const key = await keyForPassphrase(current, first);
  const made = await createVault(next, '{}');
  await withSecretsLock(async () => {
    const stored = await readStoredSecrets();
    if (stored.vault === null) throw noneSet();
    if (parseVault(stored.vault).kdf.salt !== key.salt)
      throw new PresignError('wrong-passphrase', i18n.t('vaultStore.changedMeanwhile'));
    const text = await openWithKey(key, stored.vault);
    const secrets = { ...plainLeftovers(stored), ...parseSecretsText(text) };
    const vault = await sealWithKey(made.key, made.vault.kdf, JSON.stringify(secrets));
    await browser.storage.local.set({ ...clearedLeftovers(stored), vault });
    await keepKey(made.key, now);
  });
}

/** Removes the passphrase (needs it): the secrets are stored unencrypted again, in one write. */
export async function removePassphrase(current: string): Promise<void> {
  const first = await vaultItem.getValue();
  if (first === null || first === undefined) return;
  const key = await keyForPassphrase(current, first);
  await withSecretsLock(async () => {
    const stored = await readStoredSecrets();
    if (stored.vault === null) return;
    const text = await openWithKey(key, stored.vault);
    const secrets = { ...plainLeftovers(stored), ...parseSecretsText(text) };
    await browser.storage.local.set({ ...clearedLeftovers(stored), secrets, vault: null });
    await lock();
  });
}

/**
 * "Forgot passphrase": deletes every secret (sealed, plain, inline) in one write and keeps everything else, the
 * profiles' names, endpoints and regions included (a damaged profiles value too, minus any key in it): the user
 * enters the keys again.
 */
export async function resetSecrets(): Promise<void> {
  await withSecretsLock(async () => {
    const stored = await readStoredSecrets();
    const cleared = clearedLeftovers(stored);
    await browser.storage.local.set({ ...cleared, vault: null, secrets: {} });
    await lock();
  });
}

/**
 * Lets a vault file in while locked: a passphrase that opens the stored vault unlocks it; a damaged or downgraded
 * stored vault is replaced by the file's (sealed again, unlocked with the file's passphrase). An intact vault
 * under another passphrase is refused: its keys would be lost.
 */
export async function restoreVault(passphrase: string, sealed: unknown, now = Date.now()): Promise<void> {
  const file = await unlockVault(passphrase, sealed);
  const first = await vaultItem.getValue();
  if (first === null || first === undefined) return;
  let damaged = false;
  try {
    parseVault(first);
    await unlock(passphrase, now);
    return;
  } catch (error) {
    if (!(error instanceof PresignError)) throw error;
    damaged = ['vault-damaged', 'vault-downgrade'].includes(error.code);
    if (!damaged) throw new PresignError('vault-locked', i18n.t('vaultStore.otherPassphrase'));
  }
  await withSecretsLock(async () => {
    const stored = await readStoredSecrets();
    if (JSON.stringify(stored.vault) !== JSON.stringify(first))
      throw new PresignError('vault-locked', i18n.t('vaultStore.vaultChanged'));
    const secrets = { ...plainLeftovers(stored), ...parseSecretsText(file.text) };
    const vault = await sealWithKey(file.key, parseVault(sealed).kdf, JSON.stringify(secrets));
    await browser.storage.local.set({ ...clearedLeftovers(stored), vault });
    await keepKey(file.key, now);
  });
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
