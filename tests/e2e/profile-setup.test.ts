import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LoadedExtension, loadExtension, waitFor } from '../support/chromium';
import { PopupPage } from './pages/popup-page';

// Setting up a profile in the popup when the popup does not stay open: what is typed survives closing it
// (clicking outside a Chrome popup closes it), and a profile for a custom endpoint is stored even when the
// browser's host-access prompt is never answered (the prompt can close the popup).
//
// What headless Chromium does with chrome.permissions.request for an optional host not yet granted (measured):
// called inside a click it neither resolves nor rejects (the prompt is "open" with nobody to answer it); called
// with no user gesture it rejects at once ("must be called during a user gesture").

const s3 = inject('s3');
// Not loopback, so not in host_permissions: saving asks the browser. `.invalid` never resolves.
const FAR_ENDPOINT = 'http://s3.invalid.example:7480';
const FAR_HOST = 's3.invalid.example:7480';
// Another such host, allowed (host only, no subdomains) before its profile is saved.
const GRANTED_HOSTNAME = 'old-grant.invalid.example';
const GRANTED_HOST = `${GRANTED_HOSTNAME}:7480`;
const GRANTED_ENDPOINT = `http://${GRANTED_HOST}`;

let extension: LoadedExtension;

beforeAll(async () => {
  extension = await loadExtension();
});

afterAll(async () => {
  await extension?.close();
});

const storedProfiles = (): Promise<{ name: string; endpoint?: string; secretAccessKey: string }[]> =>
  extension.worker.evaluate(async () => {
    // Secrets are stored apart from the profiles (local:secrets without a passphrase): joined back by id.
    const { profiles, secrets } = await chrome.storage.local.get(['profiles', 'secrets']);
    const keys = (secrets ?? {}) as Record<string, { secretAccessKey: string }>;
    return ((profiles ?? []) as { id: string; name: string; endpoint?: string }[]).map((profile) => ({
      ...profile,
      secretAccessKey: keys[profile.id]?.secretAccessKey ?? '',
    }));
  });

const everythingInLocalStorage = (): Promise<string> =>
  extension.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));

const addForm = (page: Page) => page.getByRole('form', { name: 'Add a profile' });

/** Opens the popup page again (as the toolbar button would) on the form for a new profile. */
async function reopenOnAddForm(previous: PopupPage): Promise<PopupPage> {
  await previous.page.close();
  const popup = await PopupPage.open(extension.context, extension.id);
  await addForm(popup.page)
    .or(popup.page.getByRole('button', { name: 'Profiles' }))
    .first()
    .waitFor();
  if (!(await addForm(popup.page).isVisible())) {
    await popup.page.getByRole('button', { name: 'Profiles' }).click();
    await popup.page.getByRole('button', { name: 'Add profile' }).click();
  }
  await addForm(popup.page).waitFor();
  return popup;
}

describe('the profile form when the popup closes', () => {
  it('keeps what was typed, secret included, in session storage only, until discarded', async () => {
    let popup = await PopupPage.open(extension.context, extension.id);
    await popup.fillProfile({
      name: 'half typed',
      accessKeyId: 'AKIAHALFTYPED',
      secretAccessKey: 'typed-secret-never-on-disk',
      region: 'eu-central-1',
      endpoint: 'http://nas.example.lan:9000',
    });
    popup = await reopenOnAddForm(popup);
    const form = addForm(popup.page);
    await form.getByText(/^Restored what you typed/).waitFor();
    expect(await form.getByLabel('Profile name').inputValue()).toBe('half typed');
    expect(await form.getByLabel('Access key ID').inputValue()).toBe('AKIAHALFTYPED');
    expect(await form.getByLabel('Secret access key').inputValue()).toBe('typed-secret-never-on-disk');
    expect(await form.getByLabel('Store', { exact: true }).inputValue()).toBe('custom');
    expect(await form.getByLabel(/Custom endpoint/).inputValue()).toBe('http://nas.example.lan:9000');
    expect(await form.getByLabel('Region').inputValue()).toBe('eu-central-1');
    // The unsaved draft lives in storage.session (memory), never in storage.local.
    expect(await everythingInLocalStorage()).not.toContain('typed-secret-never-on-disk');
    expect(
      await extension.worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null))),
    ).toContain('typed-secret-never-on-disk');

    await form.getByRole('button', { name: 'Discard' }).click();
    expect(await form.getByLabel('Secret access key').inputValue()).toBe('');
    await waitFor(
      () => extension.worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null))),
      (text) => !text.includes('typed-secret-never-on-disk'),
    );
    popup = await reopenOnAddForm(popup);
    expect(await addForm(popup.page).getByLabel('Profile name').inputValue()).toBe('');
    expect(
      await addForm(popup.page)
        .getByText(/^Restored what you typed/)
        .count(),
    ).toBe(0);
    await popup.page.close();
  });

  it('a saved profile leaves no draft behind: the next new profile starts empty', async () => {
    let popup = await PopupPage.open(extension.context, extension.id);
    await popup.addProfile({ name: 'local ceph', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
    expect((await storedProfiles()).map((profile) => profile.name)).toEqual(['local ceph']);
    popup = await reopenOnAddForm(popup);
    expect(await addForm(popup.page).getByLabel('Profile name').inputValue()).toBe('');
    expect(await addForm(popup.page).getByLabel('Secret access key').inputValue()).toBe('');
    await popup.page.close();
  });
});

describe('saving a profile for a host the browser must allow', () => {
  it('stores the profile while the prompt is unanswered; reopened, the popup says listing needs access and asks again', async () => {
    let popup = await reopenOnAddForm(await PopupPage.open(extension.context, extension.id));
    const form = addForm(popup.page);
    await popup.fillProfile({
      name: 'far away',
      accessKeyId: 'AKIAFARAWAY',
      secretAccessKey: 'far-secret',
      region: 'us-east-1',
      endpoint: FAR_ENDPOINT,
    });
    await form.getByRole('button', { name: 'Save profile' }).click();

    // The request was made inside the click (else Chromium rejects it at once and the popup moves on): the
    // prompt is open and unanswered, and the form says what it waits for.
    await expect.poll(() => form.getByText(/^Saving\. The browser asks/).textContent()).toContain(FAR_HOST);
    // Written before any answer: a prompt that closes the popup loses nothing.
    const saved = await waitFor(storedProfiles, (profiles) => profiles.some((p) => p.name === 'far away'));
    expect(saved.find((profile) => profile.name === 'far away')).toMatchObject({
      endpoint: FAR_ENDPOINT,
      secretAccessKey: 'far-secret',
    });
    expect(
      await extension.worker.evaluate(async () => JSON.stringify(await chrome.storage.session.get(null))),
    ).not.toContain('far-secret'); // the draft went with the save

    // The popup closes with the prompt; opened again, Profiles tells why listing fails, with a way to ask.
    await popup.page.close();
    popup = await PopupPage.open(extension.context, extension.id);
    // It opens on the new profile's buckets, which say so above the listing.
    await expect
      .poll(() =>
        popup.page.getByRole('status').filter({ hasText: 'must allow this extension' }).textContent(),
      )
      .toContain(`To list buckets at ${FAR_HOST}`);
    // The failed listing says why: the browser, not the server (the request got no answer at all).
    await expect
      .poll(() => popup.alert.textContent())
      .toContain(`The extension is not allowed to reach ${FAR_HOST}`);
    await popup.page.getByRole('button', { name: 'Profiles' }).click();
    const entry = popup.page.getByRole('region', { name: 'Profiles' }).getByRole('listitem').filter({
      hasText: 'far away',
    });
    const notice = entry.getByRole('status').filter({ hasText: 'must allow this extension' });
    await expect.poll(() => notice.textContent()).toContain(`To list buckets at ${FAR_HOST}`);
    // The loopback profile needs no grant and shows no such notice.
    const local = popup.page.getByRole('region', { name: 'Profiles' }).getByRole('listitem').filter({
      hasText: 'local ceph',
    });
    expect(await local.getByText(/must allow this extension/).count()).toBe(0);

    await notice.getByRole('button', { name: `Allow access to ${FAR_HOST}` }).click();
    // Asked within the click: pending (no prompt to answer headless), not refused.
    await expect.poll(() => notice.getByRole('button').textContent()).toBe('Waiting for the browser…');
    expect(await notice.textContent()).not.toMatch(/did not grant/);
    await popup.page.close();
  });

  it('a path-style profile needs its host only: one allowed earlier is enough, and a down server is not blamed on access', async () => {
    // The user allowed this host (not its subdomains) in the extension's site settings, as saving used to ask.
    const settings = await extension.context.newPage();
    await settings.goto(`chrome://extensions/?id=${extension.id}`);
    await settings.evaluate(
      ([id, origin]) =>
        (
          chrome as unknown as {
            developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
          }
        ).developerPrivate.addHostPermission(id, origin),
      [extension.id, `http://${GRANTED_HOSTNAME}/*`] as const,
    );
    await settings.close();

    let popup = await reopenOnAddForm(await PopupPage.open(extension.context, extension.id));
    const form = addForm(popup.page);
    await popup.fillProfile({
      name: 'allowed before',
      accessKeyId: 'AKIAALLOWED',
      secretAccessKey: 'allowed-secret',
      region: 'us-east-1',
      endpoint: GRANTED_ENDPOINT,
    });
    expect(await form.getByLabel(/Path-style addressing/).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Save profile' }).click();
    // Asked for the host alone, which is allowed: the browser answers at once, nothing is left pending.
    await expect.poll(() => form.isVisible()).toBe(false);
    expect(
      await extension.worker.evaluate(
        (origin) => chrome.permissions.contains({ origins: [origin] }),
        `http://${GRANTED_HOSTNAME}/*`,
      ),
    ).toBe(true);

    await popup.page.close();
    popup = await PopupPage.open(extension.context, extension.id);
    // The host does not resolve: the listing fails, blamed on the server, not on access.
    await expect
      .poll(() => popup.alert.textContent())
      .toContain(`Could not reach ${GRANTED_HOST}: the server is down`);
    expect(await popup.alert.textContent()).not.toMatch(/not allowed|Allow access/);
    expect(await popup.page.getByText(/must allow this extension/).count()).toBe(0);
    await popup.page.getByRole('button', { name: 'Profiles' }).click();
    const entry = popup.page.getByRole('region', { name: 'Profiles' }).getByRole('listitem').filter({
      hasText: 'allowed before',
    });
    await entry.waitFor();
    // Give the notice's own permission check time to answer before asserting it stays away.
    await popup.page.waitForTimeout(300);
    expect(await entry.getByText(/must allow this extension/).count()).toBe(0);
    await popup.page.close();
  });
});

/** Opens the popup on the import panel of the form for a new profile. */
async function openImport(): Promise<PopupPage> {
  const popup = await reopenOnAddForm(await PopupPage.open(extension.context, extension.id));
  await popup.page.getByRole('button', { name: 'Import from AWS CLI…' }).click();
  return popup;
}

type StoredProfile = {
  id: string;
  name: string;
  accessKeyId: string;
  endpoint?: string;
  defaultBucket?: string;
  sessionToken?: string;
  sessionExpiration?: string;
};

const storedFull = (): Promise<StoredProfile[]> =>
  extension.worker.evaluate(
    async () => ((await chrome.storage.local.get('profiles')).profiles ?? []) as StoredProfile[],
  );

describe('importing keys again', () => {
  it('updates the profile of that name in place: same id, its endpoint and default bucket kept', async () => {
    const keys = [
      '[refresh-me]',
      // Not the keys of 'local ceph' above, which the import would update (same key ID, same endpoint).
      `aws_access_key_id = ${s3.stranger.accessKeyId}`,
      `aws_secret_access_key = ${s3.stranger.secretAccessKey}`,
    ];
    let popup = await openImport();
    await popup.page
      .getByLabel(/Paste ~\/.aws\/credentials/)
      .fill([...keys, '[profile refresh-me]', `endpoint_url = ${s3.endpoint}`].join('\n'));
    const preview = popup.page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toMatch(/1 profile ready/);
    expect(await preview.textContent()).not.toMatch(/replaces/);
    await popup.page.getByRole('button', { name: 'Save profile' }).click();
    await popup.filterBox.waitFor();
    const [first] = (await storedFull()).filter((profile) => profile.name === 'refresh-me');
    // Set in the form since: the import must not lose it.
    await extension.worker.evaluate(async (id) => {
      const { profiles } = await chrome.storage.local.get('profiles');
      await chrome.storage.local.set({
        profiles: (profiles as { id: string }[]).map((profile) =>
          profile.id === id ? { ...profile, defaultBucket: 'kept-bucket' } : profile,
        ),
      });
    }, first?.id);
    await popup.page.close();

    // Later, the keys alone (as `aws configure export-credentials` or a refreshed credentials file gives them).
    popup = await openImport();
    await popup.page.getByLabel(/Paste ~\/.aws\/credentials/).fill(keys.join('\n'));
    const again = popup.page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => again.textContent()).toMatch(/replaces profile “refresh-me”/);
    expect(await again.textContent()).toContain(s3.endpoint); // the stored endpoint, kept
    expect(await again.textContent()).not.toContain(s3.stranger.secretAccessKey);
    await popup.page.getByRole('button', { name: 'Save profile' }).click();
    await popup.filterBox.waitFor();
    const stored = (await storedFull()).filter((profile) => profile.name === 'refresh-me');
    expect(stored).toEqual([
      expect.objectContaining({ id: first?.id, endpoint: s3.endpoint, defaultBucket: 'kept-bucket' }),
    ]);
    await popup.page.close();
  });
});

describe('editing a profile that had temporary keys', () => {
  it('refuses the old expiry left in the form with permanent keys, then saves them without it', async () => {
    await extension.worker.evaluate(
      async ({ endpoint, region }) => {
        const { profiles } = await chrome.storage.local.get('profiles');
        await chrome.storage.local.set({
          profiles: [
            ...((profiles ?? []) as unknown[]),
            {
              id: 'had-temporary-keys',
              name: 'had temporary keys',
              accessKeyId: 'ASIAOLDTEMPORARYKEY1',
              secretAccessKey: 'old-temporary-secret',
              sessionToken: 'old-session-token',
              sessionExpiration: new Date(Date.now() + 3_600_000).toISOString(),
              region,
              endpoint,
              forcePathStyle: true,
            },
          ],
        });
      },
      { endpoint: s3.endpoint, region: s3.region },
    );
    const popup = await PopupPage.open(extension.context, extension.id);
    await popup.page.getByRole('button', { name: 'Profiles' }).click();
    await popup.page
      .getByRole('region', { name: 'Profiles' })
      .getByRole('listitem')
      .filter({ hasText: 'had temporary keys' })
      .getByRole('button', { name: 'Edit' })
      .click();
    const form = popup.page.getByRole('form', { name: 'Edit profile' });
    expect(await form.getByLabel('Session expires (optional)').inputValue()).not.toBe('');
    await form.getByLabel('Access key ID').fill(s3.owner.accessKeyId);
    await form.getByLabel('Secret access key').fill(s3.owner.secretAccessKey);
    await form.getByLabel('Session token (temporary credentials only)').fill('');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText(/^Clear the Session expires field: these keys have no session token/).waitFor();
    expect((await storedFull()).find((p) => p.id === 'had-temporary-keys')?.accessKeyId).toBe(
      'ASIAOLDTEMPORARYKEY1',
    );

    await form.getByLabel('Session expires (optional)').fill('');
    await form.getByRole('button', { name: 'Save profile' }).click();
    const saved = await waitFor(storedFull, (profiles) =>
      profiles.some((p) => p.id === 'had-temporary-keys' && p.accessKeyId === s3.owner.accessKeyId),
    );
    const profile = saved.find((p) => p.id === 'had-temporary-keys');
    expect(profile).not.toHaveProperty('sessionExpiration');
    expect(profile).not.toHaveProperty('sessionToken');
    await popup.page.close();
  });
});

describe('a bucket typed into the endpoint', () => {
  it('warns while a default bucket is not set, and refuses to save when it is that bucket', async () => {
    const popup = await reopenOnAddForm(await PopupPage.open(extension.context, extension.id));
    const form = addForm(popup.page);
    await popup.fillProfile({
      name: 'bucket in endpoint',
      ...s3.owner,
      region: s3.region,
      endpoint: `${s3.endpoint}/my-bucket`,
    });
    await expect
      .poll(() => form.getByRole('status').filter({ hasText: 'ends in /my-bucket' }).textContent())
      .toMatch(/if that is a bucket, remove it from the endpoint and put it in Default bucket/);
    await form.getByLabel(/Default bucket/).fill('my-bucket');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText(/^The endpoint ends in \/my-bucket, the default bucket: remove it/).waitFor();
    expect((await storedFull()).map((p) => p.name)).not.toContain('bucket in endpoint');
    await popup.page.close();
  });
});
