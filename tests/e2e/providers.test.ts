import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedExtension, loadExtension, waitFor } from '../support/chromium';
import { PopupPage } from './pages/popup-page';

// The store presets in the real form: editing a stored profile keeps its endpoint, and an R2 URL pasted as the
// account ID sets the jurisdiction dropdown.

const ACCOUNT = '0123456789abcdef0123456789abcdef';

interface StoredProfile {
  id: string;
  name: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
}

let extension: LoadedExtension;

beforeAll(async () => {
  extension = await loadExtension();
});

afterAll(async () => {
  await extension?.close();
});

const storedProfiles = (): Promise<StoredProfile[]> =>
  extension.worker.evaluate(async () => {
    const { profiles } = await chrome.storage.local.get('profiles');
    return (profiles ?? []) as StoredProfile[];
  });

/** Profiles as an import or the custom preset makes them: the endpoint names one region, they sign for us-east-1. */
const SEEDED = [
  ['wasabi-eu', 'https://s3.eu-central-1.wasabisys.com', 'Wasabi', 'eu-central-1', 'eu-central-1'],
  ['b2-eu', 'https://s3.eu-central-003.backblazeb2.com', 'Backblaze B2', 'eu-central-003', 'eu-central-003'],
  ['spaces-fra', 'https://fra1.digitaloceanspaces.com', 'DigitalOcean Spaces', 'fra1', 'us-east-1'],
] as const;

describe('editing a stored profile', () => {
  beforeAll(async () => {
    const profiles = SEEDED.map(([name, endpoint]) => ({
      id: name,
      name,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
    }));
    await extension.worker.evaluate((list) => chrome.storage.local.set({ profiles: list }), profiles);
  });

  it.each(SEEDED)(
    '%s (%s): renamed and saved, it keeps its endpoint',
    async (name, endpoint, store, shown, signing) => {
      const popup = await PopupPage.open(extension.context, extension.id);
      await popup.page.getByRole('button', { name: 'Profiles' }).click();
      await popup.page
        .getByRole('region', { name: 'Profiles' })
        .getByRole('listitem')
        .filter({ hasText: name })
        .getByRole('button', { name: 'Edit' })
        .click();
      const form = popup.page.getByRole('form', { name: 'Edit profile' });
      const storeSelect: Locator = form.getByLabel('Store', { exact: true });
      expect(await storeSelect.locator('option:checked').textContent()).toBe(store);
      // The region the endpoint names, not the one the profile signed for.
      expect(await form.getByLabel('Region').inputValue()).toBe(shown);
      await form.getByLabel('Profile name').fill(`${name} renamed`);
      await form.getByRole('button', { name: 'Save profile' }).click();
      expect(await form.getByText(/not a .* region/).count()).toBe(0);
      // Stored before the browser answers the host-access prompt (it never does, headless).
      const saved = await waitFor(storedProfiles, (list) => list.some((p) => p.name === `${name} renamed`));
      expect(saved.find((p) => p.id === name)).toMatchObject({
        endpoint,
        region: signing,
        forcePathStyle: true,
      });
      await popup.page.close();
    },
  );
});

describe('an R2 URL pasted as the account ID', () => {
  it('sets the jurisdiction dropdown, and a dropdown changed afterwards is pointed out', async () => {
    const popup = await PopupPage.open(extension.context, extension.id);
    const form = popup.page.getByRole('form', { name: 'Add a profile' });
    await form.or(popup.filterBox).first().waitFor();
    if (!(await form.isVisible())) {
      await popup.page.getByRole('button', { name: 'Profiles' }).click();
      await popup.page.getByRole('button', { name: 'Add profile' }).click();
    }
    await form.getByLabel('Store', { exact: true }).selectOption({ label: 'Cloudflare R2' });
    const jurisdiction = form.getByLabel('Jurisdiction');
    await jurisdiction.selectOption('eu');
    await jurisdiction.selectOption('');
    await form.getByLabel('Account ID').fill(`https://${ACCOUNT}.eu.r2.cloudflarestorage.com/photos`);
    await expect.poll(() => jurisdiction.inputValue()).toBe('eu');

    await jurisdiction.selectOption('');
    await form.getByLabel('Profile name').fill('r2 eu');
    await form.getByLabel('Access key ID').fill('0123456789abcdef0123456789abcdef');
    await form.getByLabel('Secret access key').fill('s3cr3t-never-shown');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect
      .poll(() => form.locator('#field-jurisdiction-error').textContent())
      .toMatch(/pasted URL is in the EU jurisdiction: pick EU here/);
    expect((await storedProfiles()).some((p) => p.name === 'r2 eu')).toBe(false);
    expect(await form.textContent()).not.toContain('s3cr3t-never-shown');
    await popup.page.close();
  });
});
