import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeProfile, saveProfiles } from '@/utils/adapters/profile-store';
import { withSecretsLock } from '@/utils/adapters/secrets-lock';
import { exportVaultFile, importSettings } from '@/utils/adapters/settings-transfer';
import { profilesItem } from '@/utils/adapters/storage';
import { clearStored, storedProblems } from '@/utils/adapters/stored-checks';
import {
  changePassphrase,
  loadProfiles,
  lock,
  requireProfiles,
  resetSecrets,
  setPassphrase,
  touchVault,
  unlock,
  writeProfiles,
} from '@/utils/adapters/vault-store';
import { isPresignError } from '@/utils/errors';
import { failureNotice } from '@/utils/notice';
import type { Profile } from '@/utils/profile';
import { fromBase64, keyCheck, toBase64, unlockVault } from '@/utils/vault';
import { codeOf } from '../support/presign-error';
import { cephProfile } from '../support/profiles';

// Two pages (or a page and the worker) writing the profiles, secrets or vault at once, and plain keys left next
// to a vault: what the secrets lock and the leftover sealing guarantee.

const p: Profile = { ...cephProfile, id: 'p1', name: 'one', secretAccessKey: 'RACE-CANARY-1' };
const q: Profile = {
  ...cephProfile,
  id: 'p2',
  name: 'two',
  secretAccessKey: 'RACE-CANARY-2',
  sessionToken: 'RACE-TOKEN-2',
};
const PASS = 'race passphrase';

const localText = async (): Promise<string> => JSON.stringify(await browser.storage.local.get(null));
const secretsOf = async (): Promise<Record<string, string>> => {
  const state = await loadProfiles();
  return Object.fromEntries(state.profiles.map((profile) => [profile.id, profile.secretAccessKey ?? '']));
};
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('writes from two pages at once (the secrets lock)', () => {
  it('setting a passphrase while another page saves a profile keeps both profiles, both sealed', async () => {
    await saveProfiles([p]);
    const setting = setPassphrase(PASS);
    await pause(20); // The key derivation (600,000 PBKDF2 rounds) is under way.
    await saveProfiles([q]);
    await setting;
    expect((await loadProfiles()).status).toBe('ready');
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
    expect(await localText()).not.toMatch(/RACE-(CANARY|TOKEN)/);
  });

  it('a save started before the passphrase is set lands first, then is sealed: no plain key left', async () => {
    await saveProfiles([p]);
    await Promise.all([saveProfiles([q]), setPassphrase(PASS)]);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
    expect((await browser.storage.local.get('secrets')).secrets).toEqual({});
    expect(await localText()).not.toMatch(/RACE-(CANARY|TOKEN)/);
  });

  it('changing the passphrase while another page saves: the new profile keeps its key, under the new passphrase', async () => {
    await saveProfiles([p]);
    await setPassphrase('old pass');
    const { profiles } = await requireProfiles();
    const changing = changePassphrase('old pass', 'new pass');
    await pause(5);
    const writing = writeProfiles([...profiles, q]);
    await Promise.all([writing, changing]);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
    const vault = (await browser.storage.local.get('vault')).vault;
    expect(await codeOf(() => unlockVault('old pass', vault))).toBe('wrong-passphrase');
    expect(JSON.parse((await unlockVault('new pass', vault)).text)).toMatchObject({
      p2: { secretAccessKey: 'RACE-CANARY-2', sessionToken: 'RACE-TOKEN-2' },
    });
  });

  it('two saves and a removal from three pages at once: every change is kept', async () => {
    await saveProfiles([p, { ...q, id: 'gone' }]);
    await Promise.all([saveProfiles([q]), removeProfile('gone'), saveProfiles([{ ...p, name: 'renamed' }])]);
    const state = await loadProfiles();
    expect(state.profiles.map((profile) => [profile.id, profile.name])).toEqual([
      ['p1', 'renamed'],
      ['p2', 'two'],
    ]);
  });

  it('the v1 migration and a save at once both finish (the lock never waits for itself), and keep both keys', async () => {
    await browser.storage.local.set({ profiles: [p], profiles$: { v: 1 } });
    await Promise.all([profilesItem.migrate(), saveProfiles([q]), profilesItem.migrate()]);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
    expect(JSON.stringify((await browser.storage.local.get('profiles')).profiles)).not.toContain('RACE-');
  });

  it('uses the browser’s Web Locks (shared by every page and the worker) when there are any', async () => {
    const request = vi.fn(async (_name: string, run: () => Promise<unknown>) => run());
    vi.stubGlobal('navigator', { locks: { request } });
    await saveProfiles([p]);
    expect(await withSecretsLock(async () => 'ran')).toBe('ran');
    expect(request).toHaveBeenCalledWith('s3p-secrets', expect.any(Function));
    expect(request.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the unlocked key in session storage', () => {
  it('a use racing Lock does not bring the key back', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS, Date.now() - 60_000); // last used a minute ago: the use records a new time
    await Promise.all([touchVault(), lock()]);
    expect((await browser.storage.session.get('vaultKey')).vaultKey).toBeUndefined();
    expect((await loadProfiles()).status).toBe('locked');
  });

  it('recording a use writes the time only, never the key', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS, Date.now() - 60_000);
    const set = vi.spyOn(browser.storage.session, 'set');
    await touchVault();
    expect(set).toHaveBeenCalled();
    expect(JSON.stringify(set.mock.calls)).not.toContain('"key"');
  });

  it.each([
    ['a key that is not base64', { vaultKey: { key: '!!not base64!!', salt: 'c2FsdA==' }, vaultLastUsed: 0 }],
    ['a key of the wrong length', { vaultKey: { key: toBase64(new Uint8Array(5)), salt: 'c2FsdA==' } }],
    ['a last use that is not a number', { vaultLastUsed: 'yesterday' }],
    ['a last use in the future (it would never lock)', { vaultLastUsed: Date.now() + 24 * 3_600_000 }],
    ['a key that is not an object', { vaultKey: 'x' }],
  ])('a tampered session value (%s) reads as locked, and is removed', async (_, tampered) => {
    await saveProfiles([p]);
    await setPassphrase(PASS);
    await browser.storage.session.set({
      vaultLastUsed: Date.now(),
      ...(tampered as Record<string, unknown>),
    });
    const state = await loadProfiles();
    expect(state.status).toBe('locked');
    expect(await browser.storage.session.get(null)).toEqual({});
    expect(await codeOf(() => requireProfiles())).toBe('vault-locked');
  });
});

describe('plain keys next to a vault', () => {
  async function vaultWith(profiles: Profile[]): Promise<void> {
    await saveProfiles(profiles);
    await setPassphrase(PASS);
  }

  it('a v1 profiles value met while a passphrase is set: no plain `secrets` written; reported; sealed at unlock', async () => {
    await vaultWith([p]);
    await lock();
    await browser.storage.local.set({ profiles: [p, q], profiles$: { v: 1 } });
    await profilesItem.migrate();
    expect((await browser.storage.local.get('secrets')).secrets).toEqual({});
    expect((await loadProfiles()).status).toBe('locked');
    expect(JSON.stringify(await loadProfiles())).not.toContain('RACE-');
    expect((await storedProblems()).map((problem) => problem.key)).toContain('plaintext');
    await unlock(PASS);
    expect(await localText()).not.toMatch(/RACE-(CANARY|TOKEN)/);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
    expect(await storedProblems()).toEqual([]);
  });

  it('inline secrets hand-written into v2 profiles beside a vault: reported while locked, sealed at unlock', async () => {
    await vaultWith([p]);
    await lock();
    const { profiles } = await browser.storage.local.get('profiles');
    await browser.storage.local.set({ profiles: [...(profiles as object[]), q] });
    const problems = await storedProblems();
    expect(problems).toEqual([
      expect.objectContaining({ key: 'plaintext', message: expect.stringMatching(/unlock/i) }),
    ]);
    expect(JSON.stringify(problems)).not.toContain('RACE-');
    await unlock(PASS);
    expect(await localText()).not.toMatch(/RACE-(CANARY|TOKEN)/);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
  });

  it('clearing the reported plain keys deletes them and nothing else (the vault, the profiles stay)', async () => {
    await vaultWith([p]);
    await lock();
    const { profiles, vault } = await browser.storage.local.get(['profiles', 'vault']);
    await browser.storage.local.set({
      profiles: [...(profiles as object[]), q],
      secrets: { p3: { secretAccessKey: 'RACE-CANARY-3' } },
    });
    await clearStored('plaintext');
    expect(await localText()).not.toContain('RACE-');
    expect(await storedProblems()).toEqual([]);
    const after = await browser.storage.local.get(['profiles', 'vault']);
    expect(after.vault).toEqual(vault);
    expect((after.profiles as { id: string }[]).map((profile) => profile.id)).toEqual(['p1', 'p2']);
    await unlock(PASS);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: '' });
  });

  it('a `local:secrets` left beside the vault is sealed at unlock; the vault’s own key wins over a stale copy', async () => {
    await vaultWith([p, { ...q, secretAccessKey: '' }]);
    await lock();
    await browser.storage.local.set({
      secrets: { p1: { secretAccessKey: 'RACE-STALE' }, p2: { secretAccessKey: 'RACE-CANARY-2' } },
    });
    await unlock(PASS);
    expect(await localText()).not.toContain('RACE-');
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
  });

  it('a save with a passphrase set always empties `local:secrets` and strips inline secrets', async () => {
    await vaultWith([p]);
    await browser.storage.local.set({ secrets: { p1: { secretAccessKey: 'RACE-CANARY-1' } } });
    await saveProfiles([q]);
    expect(await localText()).not.toMatch(/RACE-(CANARY|TOKEN)/);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
  });

  it('without a passphrase the v1 migration still moves the keys to `local:secrets`', async () => {
    await browser.storage.local.set({ profiles: [p], profiles$: { v: 1 } });
    await profilesItem.migrate();
    expect((await browser.storage.local.get('secrets')).secrets).toEqual({
      p1: { secretAccessKey: 'RACE-CANARY-1' },
    });
    expect(await storedProblems()).toEqual([]);
  });
});

describe('a damaged vault', () => {
  it('a damaged key check opens with the right passphrase (not "wrong passphrase"), and unlocking rewrites it', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS);
    await lock();
    const vault = (await browser.storage.local.get('vault')).vault as { check: string };
    const bad = fromBase64(vault.check);
    bad[0] = (bad[0] ?? 0) ^ 1;
    await browser.storage.local.set({ vault: { ...vault, check: toBase64(bad) } });
    expect(await codeOf(() => unlock('wrong'))).toBe('wrong-passphrase');
    await unlock(PASS);
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1' });
    const repaired = (await browser.storage.local.get('vault')).vault as { check: string };
    const key = (await browser.storage.session.get('vaultKey')).vaultKey as { key: string };
    expect(repaired.check).toBe(await keyCheck(fromBase64(key.key)));
  });

  it('gestures on a damaged vault carry its own code: a "needs attention" notice, not "Unlock"', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS);
    const vault = (await browser.storage.local.get('vault')).vault as { kdf: object };
    await browser.storage.local.set({ vault: { ...vault, kdf: { ...vault.kdf, iterations: 2 ** 33 } } });
    const state = await loadProfiles();
    expect(state).toMatchObject({ status: 'locked', code: 'vault-damaged' });
    const error = await requireProfiles().catch((caught: unknown) => caught);
    expect(isPresignError(error, 'vault-damaged')).toBe(true);
    const notice = failureNotice(error);
    expect(notice.title).toBe('S3 Presign’s stored keys need attention');
    expect(notice.action).toBeUndefined();
  });

  it('a vault file imports while the stored vault is damaged: it replaces it, unlocked, keys back', async () => {
    await saveProfiles([p, q]);
    await setPassphrase(PASS);
    const file = await exportVaultFile(PASS);
    await lock();
    await browser.storage.local.set({ vault: { format: 1, kdf: null } });
    expect(await importSettings(file, PASS)).toEqual({ profiles: 2, keys: 2 });
    expect((await loadProfiles()).status).toBe('ready');
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1', p2: 'RACE-CANARY-2' });
    expect(await localText()).not.toMatch(/RACE-(CANARY|TOKEN)/);
  });

  it('while locked, a vault file unlocks with its passphrase; one under another passphrase is refused; a plain file too', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS);
    const own = await exportVaultFile(PASS);
    await changePassphrase(PASS, 'newer');
    await lock();
    const before = await localText();
    expect(await codeOf(() => importSettings(own, PASS))).toBe('vault-locked');
    expect(await localText()).toBe(before);
    const plain = JSON.stringify({ ...JSON.parse(own), vault: undefined });
    expect(await codeOf(() => importSettings(plain))).toBe('vault-locked');
    await unlock('newer');
    const fresh = await exportVaultFile('newer');
    await lock();
    expect(await importSettings(fresh, 'newer')).toEqual({ profiles: 1, keys: 1 });
    expect(await secretsOf()).toEqual({ p1: 'RACE-CANARY-1' });
  });
});

describe('"Forgot passphrase"', () => {
  it('leaves a damaged profiles value as it was (the secrets still go)', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS);
    const damaged = [{ id: 'p1', name: 'one', secretAccessKey: 'RACE-CANARY-1' }, 'not a profile'];
    await browser.storage.local.set({ profiles: damaged });
    await resetSecrets();
    const stored = await browser.storage.local.get(null);
    expect(stored.profiles).toEqual([{ id: 'p1', name: 'one' }, 'not a profile']);
    expect(stored.vault ?? null).toBeNull();
    expect(await localText()).not.toContain('RACE-');
  });

  it('leaves a profiles value that is not a list untouched', async () => {
    await saveProfiles([p]);
    await setPassphrase(PASS);
    await browser.storage.local.set({ profiles: { hand: 'edited' } });
    await resetSecrets();
    expect((await browser.storage.local.get('profiles')).profiles).toEqual({ hand: 'edited' });
  });
});
