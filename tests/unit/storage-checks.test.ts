import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveProfiles } from '@/utils/adapters/profile-store';
import { exportSettings, exportVaultFile, importSettings } from '@/utils/adapters/settings-transfer';
import { clearStored, storedProblems } from '@/utils/adapters/stored-checks';
import { signWithStoredProfiles } from '@/utils/adapters/stored-signer';
import {
  currentKey,
  loadProfiles,
  requireProfiles,
  resetSecrets,
  setPassphrase,
} from '@/utils/adapters/vault-store';
import type { Profile } from '@/utils/profile';
import { parseSettingsFile } from '@/utils/settings-export';
import { codeOf } from '../support/presign-error';
import { cephProfile } from '../support/profiles';

const SECRET = 'checks-canary-secret-4242';
const profile: Profile = { ...cephProfile, id: 'p1', name: 'local', secretAccessKey: SECRET };

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('a stored value edited by hand', () => {
  it('profiles that are not a list: read as none (no crash), reported, kept as they are until cleared', async () => {
    await browser.storage.local.set({ profiles: 'hand-edited' });
    expect(await loadProfiles()).toEqual({ status: 'ready', profiles: [], encrypted: false });
    expect(await storedProblems()).toEqual([
      { key: 'profiles', label: 'Profiles', message: 'The profiles are not a list: none can be read.' },
    ]);
    expect(await codeOf(() => saveProfiles([profile]))).toBe('storage-damaged');
    expect((await browser.storage.local.get('profiles')).profiles).toBe('hand-edited');
    // Signing in the background says what is missing, not a TypeError.
    expect(
      await codeOf(() =>
        signWithStoredProfiles({ url: 'https://bucket.s3.eu-west-3.amazonaws.com/k', method: 'GET' }),
      ),
    ).toBe('no-profile');
    await clearStored('profiles');
    expect(await storedProblems()).toEqual([]);
    await saveProfiles([profile]);
    expect((await requireProfiles()).profiles).toEqual([profile]);
  });

  it('one profile of the wrong shape among good ones: the good ones are read, the bad one reported', async () => {
    await saveProfiles([profile]);
    const { profiles } = await browser.storage.local.get('profiles');
    await browser.storage.local.set({ profiles: [...(profiles as unknown[]), { id: 7, name: null }] });
    expect((await requireProfiles()).profiles).toEqual([profile]);
    expect((await storedProblems())[0]).toMatchObject({
      message: '1 of 2 stored profiles have a wrong shape and are ignored.',
      partial: true,
    });
    // Clearing drops the unreadable entry only.
    await clearStored('profiles');
    expect(await storedProblems()).toEqual([]);
    expect((await requireProfiles()).profiles).toEqual([profile]);
  });

  it('secrets of the wrong shape: ignored and reported, without saying what they hold', async () => {
    await saveProfiles([profile]);
    await browser.storage.local.set({ secrets: { p1: { secretAccessKey: 42 } } });
    const problems = await storedProblems();
    expect(problems.map((problem) => problem.key)).toEqual(['secrets']);
    expect(JSON.stringify(problems)).not.toContain('42');
    expect((await requireProfiles()).profiles[0]?.secretAccessKey).toBe('');
  });

  it('an auto-lock time of the wrong shape: the default (15 minutes) applies, reported', async () => {
    await saveProfiles([profile]);
    await setPassphrase('pass phrase');
    await browser.storage.local.set({ security: { autoLockMinutes: 'never' } });
    expect(await currentKey(Date.now() + 14 * 60_000)).toBeDefined();
    expect(await currentKey(Date.now() + 31 * 60_000)).toBeUndefined();
    expect((await storedProblems()).map((problem) => problem.key)).toEqual(['security']);
  });

  it('a damaged vault: locked with the reason, reported, nothing crashes; reset clears it', async () => {
    await saveProfiles([profile]);
    await setPassphrase('pass phrase');
    await browser.storage.local.set({ vault: { format: 1, kdf: 'x' } });
    const state = await loadProfiles();
    // Said at once (the Unlock screen shows it), even though the key is still in session storage.
    expect(state).toMatchObject({
      status: 'locked',
      error: expect.stringMatching(/^The stored vault is damaged/),
    });
    expect((await storedProblems()).map((problem) => problem.key)).toEqual(['vault']);
    await resetSecrets();
    expect((await loadProfiles()).status).toBe('ready');
  });
});

describe('settings export and import', () => {
  beforeEach(async () => {
    await saveProfiles([{ ...profile, sessionToken: 'checks-canary-token' }]);
  });

  it('exports the settings without any secret; importing it elsewhere adds the profiles without keys', async () => {
    const text = await exportSettings(new Date('2026-11-29T12:00:00Z'));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('checks-canary-token');
    expect(JSON.parse(text)).toMatchObject({ kind: 's3-presign-settings', version: 1, autoLockMinutes: 15 });
    fakeBrowser.reset();
    expect(await importSettings(text)).toEqual({ profiles: 1, keys: 0 });
    const [imported] = (await requireProfiles()).profiles;
    expect(imported).toMatchObject({
      id: 'p1',
      name: 'local',
      endpoint: profile.endpoint,
      secretAccessKey: '',
    });
  });

  it('a vault file carries the keys sealed: it imports with its passphrase only', async () => {
    const text = await exportVaultFile('file passphrase');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('file passphrase');
    fakeBrowser.reset();
    expect(await codeOf(() => importSettings(text))).toBe('invalid-passphrase');
    expect(await codeOf(() => importSettings(text, 'wrong'))).toBe('wrong-passphrase');
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await importSettings(text, 'file passphrase')).toEqual({ profiles: 1, keys: 1 });
    expect((await requireProfiles()).profiles).toEqual([{ ...profile, sessionToken: 'checks-canary-token' }]);
  });

  it.each([
    ['not JSON', 'nope', /it is not JSON/],
    ['another file', '{"a":1}', /not exported by S3 Presign/],
    ['a newer version', '{"kind":"s3-presign-settings","version":9,"profiles":[]}', /newer than this/],
    ['bad profiles', '{"kind":"s3-presign-settings","version":1,"profiles":[{"id":1}]}', /wrong shape/],
  ])('refuses %s, saying so and changing nothing', (_, text, message) => {
    expect(() => parseSettingsFile(text)).toThrow(message);
    expect(() => parseSettingsFile(text)).toThrow(/Nothing was changed/);
  });

  it('drops secrets a hand-made settings file puts in its profiles', () => {
    const file = parseSettingsFile(
      JSON.stringify({
        kind: 's3-presign-settings',
        version: 1,
        profiles: [{ ...profile, secretAccessKey: SECRET }],
      }),
    );
    expect(JSON.stringify(file)).not.toContain(SECRET);
  });
});
