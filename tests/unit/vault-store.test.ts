import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveProfiles } from '@/utils/adapters/profile-store';
import {
  preferencesItem,
  profilesItem,
  securitySettingsItem,
  vaultItem,
  vaultKeyItem,
} from '@/utils/adapters/storage';
import { signWithStoredProfiles } from '@/utils/adapters/stored-signer';
import {
  changePassphrase,
  loadProfiles,
  lock,
  removePassphrase,
  requireProfiles,
  resetSecrets,
  setPassphrase,
  unlock,
  writeProfiles,
} from '@/utils/adapters/vault-store';
import type { Profile } from '@/utils/profile';
import { codeOf } from '../support/presign-error';
import { cephProfile } from '../support/profiles';

const SECRET = 'store-canary-secret-7777';
const TOKEN = 'store-canary-token-8888';
const profile: Profile = {
  ...cephProfile,
  id: 'p1',
  name: 'local',
  secretAccessKey: SECRET,
  sessionToken: TOKEN,
};
const PASS = 'correct horse battery staple';
const MINUTE = 60_000;

const everything = async (): Promise<string> =>
  JSON.stringify([await browser.storage.local.get(null), await browser.storage.session.get(null)]);

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('profiles v1 → v2 (the secrets move out of local:profiles)', () => {
  it('moves secrets to local:secrets in the same write that strips them, and keeps reading them', async () => {
    await browser.storage.local.set({ profiles: [profile], profiles$: { v: 1 } });
    await profilesItem.migrate();
    const stored = await browser.storage.local.get(null);
    expect(stored.profiles).toEqual([expect.not.objectContaining({ secretAccessKey: expect.anything() })]);
    expect(JSON.stringify(stored.profiles)).not.toContain(SECRET);
    expect(stored.secrets).toEqual({ p1: { secretAccessKey: SECRET, sessionToken: TOKEN } });
    expect(stored.profiles$).toEqual({ v: 2 });
    expect((await requireProfiles()).profiles).toEqual([profile]);
  });

  it('reads a profile written the v1 way after the migration (by hand or an older copy), and moves it out on save', async () => {
    await browser.storage.local.set({ profiles: [profile] });
    expect((await requireProfiles()).profiles).toEqual([profile]);
    await saveProfiles([{ ...profile, name: 'renamed' }]);
    const stored = await browser.storage.local.get(null);
    expect(JSON.stringify(stored.profiles)).not.toContain(SECRET);
    expect(stored.secrets).toEqual({ p1: { secretAccessKey: SECRET, sessionToken: TOKEN } });
  });
});

describe('without a passphrase', () => {
  it('stores the secrets apart from the profiles, in storage.local only (sync stays empty)', async () => {
    await saveProfiles([profile]);
    const stored = await browser.storage.local.get(null);
    expect(JSON.stringify(stored.profiles)).not.toContain(SECRET);
    expect(stored.secrets).toEqual({ p1: { secretAccessKey: SECRET, sessionToken: TOKEN } });
    expect(await browser.storage.sync.get(null)).toEqual({});
    expect(await loadProfiles()).toEqual({ status: 'ready', profiles: [profile], encrypted: false });
  });

  it('a refused write (quota) leaves the previous profiles and secrets as they were', async () => {
    await saveProfiles([profile]);
    const before = await browser.storage.local.get(null);
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(writeProfiles([{ ...profile, secretAccessKey: 'new' }])).rejects.toThrow(/QUOTA/);
    vi.restoreAllMocks();
    expect(await browser.storage.local.get(null)).toEqual(before);
  });
});

describe('with a passphrase', () => {
  let t0 = 0;
  beforeEach(async () => {
    await saveProfiles([profile]);
    t0 = Date.now();
    await setPassphrase(PASS, t0);
  });

  it('seals every secret: neither the secret nor the token is readable in storage, nor the passphrase', async () => {
    const all = await everything();
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(PASS);
    expect(await browser.storage.local.get('secrets')).toEqual({ secrets: {} });
    expect(await loadProfiles(t0 + 1)).toEqual({ status: 'ready', profiles: [profile], encrypted: true });
  });

  it('keeps the derived key in session storage only', async () => {
    const key = await vaultKeyItem.getValue();
    expect(key?.key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain(key?.key);
  });

  it('locked: reads say locked (names still readable), signing and writing refuse with "vault-locked"', async () => {
    await lock();
    const state = await loadProfiles(t0 + 1);
    expect(state.status).toBe('locked');
    expect(state.profiles.map((p) => p.name)).toEqual(['local']);
    const before = await browser.storage.local.get(null);
    expect(await codeOf(() => writeProfiles([profile]))).toBe('vault-locked');
    expect(await codeOf(() => saveProfiles([{ ...profile, name: 'x' }]))).toBe('vault-locked');
    expect(
      await codeOf(() =>
        signWithStoredProfiles({ url: 'http://127.0.0.1:7480/bucket/key.txt', method: 'GET', expiresIn: 60 }),
      ),
    ).toBe('vault-locked');
    expect(await browser.storage.local.get(null)).toEqual(before);
  });

  it('a wrong passphrase does not unlock and changes nothing; the right one does', async () => {
    await lock();
    const before = await everything();
    expect(await codeOf(() => unlock('wrong'))).toBe('wrong-passphrase');
    expect(await everything()).toEqual(before);
    await unlock(PASS);
    expect((await loadProfiles()).status).toBe('ready');
  });

  it('a service-worker restart with session storage cleared (browser restart) is locked, not a crash', async () => {
    await browser.storage.session.clear();
    expect((await loadProfiles()).status).toBe('locked');
    expect(await codeOf(() => requireProfiles())).toBe('vault-locked');
  });

  it('locks after the auto-lock time without use (default 15 minutes); each use restarts the count', async () => {
    expect((await loadProfiles(t0 + 14 * MINUTE)).status).toBe('ready'); // a use at 14 min
    expect((await loadProfiles(t0 + 28 * MINUTE)).status).toBe('ready'); // 14 min after it
    expect((await loadProfiles(t0 + 44 * MINUTE)).status).toBe('locked');
    expect(await vaultKeyItem.getValue()).toBeNull();
  });

  it('follows the configured auto-lock time', async () => {
    await securitySettingsItem.setValue({ autoLockMinutes: 2 });
    expect((await loadProfiles(t0 + 3 * MINUTE)).status).toBe('locked');
  });

  it('writes while unlocked re-seal with a fresh IV under the same salt', async () => {
    const first = (await vaultItem.getValue()) as { cipher: { iv: string }; kdf: { salt: string } };
    await saveProfiles([{ ...profile, name: 'renamed' }]);
    const second = (await vaultItem.getValue()) as { cipher: { iv: string }; kdf: { salt: string } };
    expect(second.cipher.iv).not.toBe(first.cipher.iv);
    expect(second.kdf.salt).toBe(first.kdf.salt);
    expect((await requireProfiles()).profiles[0]).toEqual({ ...profile, name: 'renamed' });
  });

  it('changes the passphrase in one write: interrupted, the old vault still opens with the old passphrase', async () => {
    const before = await browser.storage.local.get(null);
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(changePassphrase(PASS, 'new passphrase')).rejects.toThrow(/QUOTA/);
    vi.restoreAllMocks();
    expect(await browser.storage.local.get(null)).toEqual(before);
    await lock();
    expect(await codeOf(() => unlock('new passphrase'))).toBe('wrong-passphrase');
    await unlock(PASS);
    expect((await requireProfiles()).profiles).toEqual([profile]);
  });

  it('changes the passphrase (new salt), needing the current one', async () => {
    expect(await codeOf(() => changePassphrase('wrong', 'new passphrase'))).toBe('wrong-passphrase');
    await changePassphrase(PASS, 'new passphrase');
    expect((await requireProfiles()).profiles).toEqual([profile]);
    await lock();
    expect(await codeOf(() => unlock(PASS))).toBe('wrong-passphrase');
    await unlock('new passphrase');
    expect((await requireProfiles()).profiles).toEqual([profile]);
  });

  it('removes the passphrase (needing it): the secrets are plain again, the vault gone', async () => {
    expect(await codeOf(() => removePassphrase('wrong'))).toBe('wrong-passphrase');
    await removePassphrase(PASS);
    const stored = await browser.storage.local.get(null);
    expect(stored.vault ?? null).toBeNull();
    expect(stored.secrets).toEqual({ p1: { secretAccessKey: SECRET, sessionToken: TOKEN } });
    expect(await loadProfiles()).toEqual({ status: 'ready', profiles: [profile], encrypted: false });
  });

  it('"forgot passphrase" deletes the secrets only: profiles (without keys) and settings stay', async () => {
    await preferencesItem.setValue({ defaultExpiresIn: 120, lastProfileId: 'p1' });
    await lock();
    await resetSecrets();
    const state = await requireProfiles();
    const { secretAccessKey: _s, sessionToken: _t, ...rest } = profile;
    expect(state).toEqual({
      status: 'ready',
      profiles: [{ ...rest, secretAccessKey: '' }],
      encrypted: false,
    });
    expect(await preferencesItem.getValue()).toEqual({ defaultExpiresIn: 120, lastProfileId: 'p1' });
    expect(await everything()).not.toContain(SECRET);
  });

  it('refuses a stored vault rewritten with weaker KDF parameters (downgrade), and leaves it as it is', async () => {
    const vault = (await vaultItem.getValue()) as { kdf: Record<string, unknown> };
    const weaker = { ...vault, kdf: { ...vault.kdf, iterations: 1000 } };
    await browser.storage.local.set({ vault: weaker });
    await lock();
    const state = await loadProfiles();
    expect(state.status).toBe('locked');
    expect(await codeOf(() => unlock(PASS))).toBe('vault-downgrade');
    expect((await browser.storage.local.get('vault')).vault).toEqual(weaker);
  });
});
