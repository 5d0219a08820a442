import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeKey } from '@/utils/key-encoding';
import {
  dispatchCommand,
  type LoadedExtension,
  lastNotification,
  loadExtension,
  recordNotifications,
  waitFor,
} from '../support/chromium';
import { errorCode, rawRequest } from '../support/raw-http';
import { s3Client, seedBucket } from '../support/s3-client';
import { PopupPage } from './pages/popup-page';

// The passphrase vault in the built extension, in real Chromium against radosgw: set a passphrase at first
// setup, lock, the shortcut says "Unlock S3 Presign to copy links" (its click opens the popup), unlock in the
// popup, and the shortcut's link works on radosgw. Then a browser restart (session storage cleared, worker
// restarted) leaves it locked, and nothing crashes.

const s3 = inject('s3');
const bucket = `vault-e2e-${Date.now().toString(36)}`;
const KEY = 'locked/report é.txt';
const PASSPHRASE = 'vault e2e passphrase 🔐';
const NEW_PASSPHRASE = 'a changed passphrase';
let extension: LoadedExtension;
let popup: PopupPage;

const objectUrl = `${s3.endpoint}/${bucket}/${encodeKey(KEY)}`;
const stored = (): Promise<string> =>
  extension.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
const unlockForm = (page: Page) => page.getByRole('form', { name: 'Unlock with your passphrase' });

/** Popups open: the toolbar popup (a POPUP context) and popup pages in tabs. */
async function popupsOpen(): Promise<number> {
  const tabs = extension.context.pages().filter((page) => page.url().endsWith('/popup.html')).length;
  const popups = await extension.worker.evaluate(
    async () =>
      (await chrome.runtime.getContexts({ contextTypes: ['POPUP' as chrome.runtime.ContextType] })).length,
  );
  return tabs + popups;
}

/** Opens a tab on the object (radosgw serves it: loopback is in host_permissions) and presses the shortcut. */
async function shortcutOnObject(): Promise<void> {
  const tab = await extension.context.newPage();
  await tab.goto(objectUrl).catch(() => undefined);
  await tab.bringToFront();
  await extension.worker.evaluate(() => {
    (globalThis as { shownNotifications?: unknown[] }).shownNotifications?.splice(0);
  });
  await dispatchCommand(extension.worker, 'copy-presigned-link');
  await waitFor(
    () => lastNotification(extension.worker),
    (notice) => notice !== undefined,
    20_000,
  );
  await tab.close();
}

beforeAll(async () => {
  await seedBucket(s3Client(s3, s3.owner), bucket, { [KEY]: Buffer.from('opened after unlocking') });
  extension = await loadExtension();
  await recordNotifications(extension.worker);
});

afterAll(async () => {
  await extension?.close();
});

describe('the passphrase vault in Chromium', () => {
  it('offers a passphrase at first setup; the profile saved after it is encrypted at rest', async () => {
    popup = await PopupPage.open(extension.context, extension.id);
    const offer = popup.page.getByRole('region', { name: 'Passphrase' });
    await expect
      .poll(() => offer.textContent())
      .toMatch(/Protect your keys with a passphrase \(recommended\)/);
    await offer.getByRole('button', { name: 'Set a passphrase…' }).click();
    await offer.getByLabel('New passphrase').fill(PASSPHRASE);
    await offer.getByLabel('Same passphrase again').fill(PASSPHRASE);
    await offer.getByRole('button', { name: 'Set passphrase' }).click();
    await popup.page.getByText('Your keys are encrypted with your passphrase').waitFor();
    await popup.addProfile({
      name: 'vault ceph',
      ...s3.owner,
      region: s3.region,
      endpoint: s3.endpoint,
      defaultBucket: bucket,
    });
    const local = await stored();
    expect(local).toContain('"vault"');
    expect(local).not.toContain(s3.owner.secretAccessKey);
    expect(local).not.toContain(PASSPHRASE);
    expect(await extension.worker.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
  });

  it('Lock shows the passphrase screen; the shortcut then asks to unlock, and its notice opens the popup', async () => {
    await popup.page.getByRole('button', { name: 'Lock', exact: true }).click();
    await unlockForm(popup.page).waitFor();
    expect(await extension.worker.evaluate(() => chrome.storage.session.get('vaultKey'))).toEqual({});

    await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await shortcutOnObject();
    const notice = await lastNotification(extension.worker);
    expect(notice?.title).toBe('Unlock S3 Presign to copy links');
    expect(notice?.message).toMatch(/unlock/i);
    expect(await extension.readClipboard()).toBe('nothing yet');

    // Clicking the notice opens the popup (or, where the browser refuses, the popup page in a tab).
    const before = await popupsOpen();
    await extension.worker.evaluate(() => {
      // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
      chrome.notifications.onClicked.dispatch('s3-presign');
    });
    expect(await waitFor(popupsOpen, (count) => count > before)).toBe(before + 1);
  });

  it('a wrong passphrase is refused with a clear message; the right one unlocks and the shortcut link works', async () => {
    const form = unlockForm(popup.page);
    await form.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await form.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^Wrong passphrase\./);
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Unlock', exact: true }).click();
    await popup.filterBox.waitFor();

    await shortcutOnObject();
    expect((await lastNotification(extension.worker))?.title).toMatch(/^Link copied/);
    const link = await waitFor(extension.readClipboard, (text) => text.startsWith('http'));
    expect(link.startsWith(`${objectUrl}?`)).toBe(true);
    const response = await rawRequest(link);
    expect(response.status, errorCode(response)).toBe(200);
    expect(response.body.toString()).toBe('opened after unlocking');
  });

  it('after a browser restart (session storage cleared, worker restarted) it is locked, and nothing crashes', async () => {
    await extension.worker.evaluate(() => chrome.storage.session.clear());
    await extension.restartWorker();
    await recordNotifications(extension.worker);
    await shortcutOnObject();
    expect((await lastNotification(extension.worker))?.title).toBe('Unlock S3 Presign to copy links');
    const fresh = await PopupPage.open(extension.context, extension.id);
    await unlockForm(fresh.page).waitFor();
    await fresh.page.close();
  });
});

describe('Settings → Security in Chromium', () => {
  let options: Page;

  it('unlocks on the settings page, changes the passphrase (the wrong current one refused)', async () => {
    options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.id}/options.html`);
    const form = unlockForm(options);
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Unlock', exact: true }).click();
    const security = options.getByRole('region', { name: 'Security' });
    await security.getByText(/Your keys are encrypted with your passphrase \(AES-GCM-256/).waitFor();

    await security.getByRole('button', { name: 'Change passphrase' }).click();
    const change = security.getByRole('form', { name: 'Change passphrase' });
    await change.getByLabel('Current passphrase').fill('not it');
    await change.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await change.getByLabel('Same new passphrase again').fill(NEW_PASSPHRASE);
    await change.getByRole('button', { name: 'Change passphrase' }).click();
    await expect.poll(() => security.getByRole('alert').textContent()).toMatch(/^Wrong passphrase\./);
    await change.getByLabel('Current passphrase').fill(PASSPHRASE);
    await change.getByRole('button', { name: 'Change passphrase' }).click();
    await security.getByText('Passphrase changed.').waitFor();
  });

  it('exports the settings without the secret key', async () => {
    const security = options.getByRole('region', { name: 'Security' });
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      security.getByRole('button', { name: 'Export settings (no keys)' }).click(),
    ]);
    const path = await download.path();
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      kind: 's3-presign-settings',
      profiles: [{ name: 'vault ceph' }],
    });
    expect(text).not.toContain(s3.owner.secretAccessKey);
    expect(text).not.toContain(PASSPHRASE);
  });

  it('lists a hand-edited stored value and clears it', async () => {
    await extension.worker.evaluate(() => chrome.storage.local.set({ bucketRegions: 'hand-edited' }));
    const list = options.getByRole('region', { name: 'Stored values that need attention' });
    await expect.poll(() => list.textContent()).toContain('Bucket regions: Not a table of names');
    await list.getByRole('button', { name: 'Clear bucket regions' }).click();
    await list.waitFor({ state: 'detached' });
    expect(await extension.worker.evaluate(() => chrome.storage.local.get('bucketRegions'))).toEqual({});
  });

  it('a page waits for the secrets Web Lock the worker holds (one lock for every page and the worker)', async () => {
    await extension.worker.evaluate(() => chrome.storage.local.set({ bucketRegions: 'hand-edited' }));
    const list = options.getByRole('region', { name: 'Stored values that need attention' });
    await list.getByRole('button', { name: 'Clear bucket regions' }).waitFor();
    // The worker takes the lock and keeps it until told to let go.
    await extension.worker.evaluate(() => {
      const held = globalThis as { releaseSecretsLock?: () => void };
      void navigator.locks.request(
        's3p-secrets',
        () =>
          new Promise<void>((resolve) => {
            held.releaseSecretsLock = resolve;
          }),
      );
    });
    await list.getByRole('button', { name: 'Clear bucket regions' }).click();
    // The page's clear waits in the queue: nothing changed while the worker holds the lock.
    await expect
      .poll(() =>
        extension.worker.evaluate(async () => (await navigator.locks.query()).pending?.map((l) => l.name)),
      )
      .toContain('s3p-secrets');
    expect(await extension.worker.evaluate(() => chrome.storage.local.get('bucketRegions'))).toEqual({
      bucketRegions: 'hand-edited',
    });
    await extension.worker.evaluate(() =>
      (globalThis as { releaseSecretsLock?: () => void }).releaseSecretsLock?.(),
    );
    await list.waitFor({ state: 'detached' });
    expect(await extension.worker.evaluate(() => chrome.storage.local.get('bucketRegions'))).toEqual({});
  });

  it('Lock now locks every page; the new passphrase unlocks, the old one no longer does', async () => {
    await options.getByRole('region', { name: 'Security' }).getByRole('button', { name: 'Lock now' }).click();
    const form = unlockForm(options);
    await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^Wrong passphrase\./);
    await form.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await form.getByRole('button', { name: 'Unlock', exact: true }).click();
    await options.getByRole('region', { name: 'Security' }).waitFor();
    await options.close();
  });
});

describe('auto-lock in Chromium', () => {
  it('an open popup locks itself once the vault has been idle past the auto-lock time', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    // As if the last use was 16 minutes ago (the default auto-lock is 15): the page's own timer must notice.
    await extension.worker.evaluate(async () => {
      await chrome.storage.session.set({ vaultLastUsed: Date.now() - 16 * 60_000 });
    });
    await unlockForm(page.page).waitFor({ timeout: 30_000 });
    expect(await extension.worker.evaluate(() => chrome.storage.session.get('vaultKey'))).toEqual({});
    const form = unlockForm(page.page);
    await form.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
    await form.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
    await page.page.close();
  });
});

describe('a damaged vault in Chromium', () => {
  it('the locked settings page offers the vault-file import its message points to, and the file brings the keys back', async () => {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.id}/options.html`);
    const security = options.getByRole('region', { name: 'Security' });
    await security.getByText(/Your keys are encrypted with your passphrase/).waitFor();
    await security.getByLabel('Passphrase for a vault file').fill(NEW_PASSPHRASE);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      security.getByRole('button', { name: 'Export vault file (keys encrypted)' }).click(),
    ]);
    const file = await download.path();

    // The vault is cut short (a hand edit, a disk error) and the key dropped: locked, with the reason.
    await extension.worker.evaluate(async () => {
      await chrome.storage.local.set({ vault: { format: 1, kdf: null } });
      await chrome.storage.session.remove(['vaultKey', 'vaultLastUsed']);
    });
    await expect.poll(() => unlockForm(options).isVisible()).toBe(true);
    await options
      .getByRole('region', { name: 'Unlock', exact: true })
      .getByText(/The stored vault is damaged: .* Import a vault file you exported/)
      .waitFor();
    // The stored values that need attention are listed while locked too.
    const problems = options.getByRole('region', { name: 'Stored values that need attention' });
    await expect
      .poll(() => problems.textContent())
      .toContain('Keys (encrypted vault): The stored vault is damaged');
    // The shortcut says the keys need attention (the vault's own problem), not "Unlock".
    await shortcutOnObject();
    const notice = await lastNotification(extension.worker);
    expect(notice?.title).toBe('S3 Presign’s stored keys need attention');
    expect(notice?.message).toMatch(/^The stored vault is damaged/);
    const transfer = options.getByRole('region', { name: 'Export and import' });
    await transfer.getByLabel('Settings or vault file to import').setInputFiles(file);
    await transfer.getByLabel('Passphrase for a vault file').fill(NEW_PASSPHRASE);
    await transfer.getByRole('button', { name: 'Import', exact: true }).click();

    // Restored and unlocked: the full settings page again, the keys sealed under the file's passphrase.
    await options
      .getByRole('region', { name: 'Security' })
      .getByText(/Your keys are encrypted with your passphrase/)
      .waitFor();
    const local = await stored();
    expect(local).not.toContain(s3.owner.secretAccessKey);
    expect(JSON.parse(local).vault).toMatchObject({ format: 1, kdf: { iterations: 600_000 } });
    await options.close();
  });
});

describe('forgot passphrase in Chromium', () => {
  it('reset (confirmed) deletes the keys only: the profile and the settings stay, and the profile asks for keys', async () => {
    await extension.worker.evaluate(() =>
      chrome.storage.local.set({ preferences: { defaultExpiresIn: 900 } }),
    );
    const page = await PopupPage.open(extension.context, extension.id);
    await page.page.getByRole('button', { name: 'Lock', exact: true }).click();
    await unlockForm(page.page).waitFor();
    await page.page.getByRole('button', { name: 'Forgot passphrase?' }).click();
    const unlock = page.page.getByRole('region', { name: 'Unlock', exact: true });
    await expect
      .poll(() => unlock.textContent())
      .toMatch(/deletes the secret keys and session tokens of your profile \(vault ceph\)/);
    await unlock.getByRole('button', { name: 'Delete the keys and reset' }).click();
    await page.page.getByRole('button', { name: 'Profiles' }).click();
    const profiles = page.page.getByRole('region', { name: 'Profiles' });
    await profiles.getByText(/No secret key stored/).waitFor();
    const local = await extension.worker.evaluate(() =>
      chrome.storage.local.get(['profiles', 'secrets', 'vault', 'preferences']),
    );
    expect(local.vault ?? null).toBeNull();
    expect(local.secrets).toEqual({});
    expect(local.profiles).toEqual([expect.objectContaining({ name: 'vault ceph', endpoint: s3.endpoint })]);
    expect(local.preferences).toMatchObject({ defaultExpiresIn: 900 });
    await page.page.close();
  });
});
