import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LoadedExtension, loadExtension } from '../support/chromium';

// The settings page: the same profile setup as the popup, the default expiry, and the shortcuts as bound.

const s3 = inject('s3');
let extension: LoadedExtension;

beforeAll(async () => {
  extension = await loadExtension();
});

afterAll(async () => {
  await extension?.close();
});

describe('the settings page', () => {
  it('sets up a profile, lists it with Test connection, and shows the bound shortcuts', async () => {
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.id}/options.html`);
    const form = page.getByRole('form', { name: 'Add a profile' });
    await form
      .getByLabel('Store', { exact: true })
      .selectOption({ label: 'MinIO, Ceph or other S3-compatible' });
    await form.getByLabel(/Custom endpoint/).fill(s3.endpoint);
    await form.getByLabel('Region').fill(s3.region);
    await form.getByLabel('Profile name').fill('settings ceph');
    await form.getByLabel('Access key ID').fill(s3.owner.accessKeyId);
    await form.getByLabel('Secret access key').fill(s3.owner.secretAccessKey);
    await form.getByRole('button', { name: 'Save profile' }).click();
    const profiles = page.getByRole('region', { name: 'Profiles' });
    await expect.poll(() => profiles.textContent()).toContain('settings ceph');
    await profiles.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => profiles.getByRole('status').textContent()).toMatch(/^Connected:/);
    const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect.poll(() => shortcuts.textContent()).toContain('Alt+Shift+L');
    await expect.poll(() => shortcuts.textContent()).toContain('Open S3 Presign');
    await page.getByLabel('Expires after').selectOption({ label: '1 day' });
    await expect
      .poll(() => extension.worker.evaluate(() => chrome.storage.local.get('preferences')))
      .toMatchObject({ preferences: { defaultExpiresIn: 86_400 } });
  });
});
