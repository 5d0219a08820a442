import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LoadedExtension, loadExtension, waitFor } from '../support/chromium';
import { rawRequest } from '../support/raw-http';
import { s3Client } from '../support/s3-client';
import { PopupPage } from './pages/popup-page';

// The toolbar popup as a user meets it, in real Chromium against radosgw: set up a profile by typing, browse
// a bucket into a folder of more than 1,000 keys, filter, pick, copy, and fetch the copied link.

const s3 = inject('s3');
const bucket = `popup-e2e-${Date.now().toString(36)}`;
const BIG = 1_100;
const bigKey = (i: number): string => `big/key-${String(i).padStart(4, '0')}.txt`;
const FILES: Record<string, string> = {
  'invoices/2026/Facture été.pdf': '%PDF-1.7 facture',
  'invoices/2026/receipt.txt': 'receipt body',
  'readme.md': '# hello',
};

let extension: LoadedExtension;
let popup: PopupPage;

const versioned = `${bucket}-versions`;

async function seed(): Promise<void> {
  const client = s3Client(s3, s3.owner);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await client.send(new CreateBucketCommand({ Bucket: versioned }));
  await client.send(
    new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  for (const body of ['first draft', 'second draft'])
    await client.send(new PutObjectCommand({ Bucket: versioned, Key: 'contract.txt', Body: body }));
  const put = (key: string, body: string) =>
    client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  await Promise.all(Object.entries(FILES).map(([key, body]) => put(key, body)));
  for (let start = 0; start < BIG; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, BIG - start) }, (_, i) =>
        put(bigKey(start + i), `body ${start + i}`),
      ),
    );
  }
}

/** Clears the clipboard, runs a gesture, and returns the link it copied. */
async function copiedBy(gesture: () => Promise<unknown>): Promise<string> {
  await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await gesture();
  return waitFor(extension.readClipboard, (text) => text.startsWith('http'));
}

/**
 * Dispatches each key to the filter as an input method composing sends it (once with isComposing, once with
 * keyCode 229 as Chrome sends some), and reports whether the popup took it (preventDefault). Resolves a frame
 * later, once Preact has rendered whatever the keys changed.
 */
function composingKeys(keys: string[]): Promise<{ key: string; composing: boolean; taken: boolean }[]> {
  return popup.filterBox.evaluate(async (input, names) => {
    const press = (key: string, init: KeyboardEventInit & { keyCode?: number }) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
      input.dispatchEvent(event);
      return { key, composing: event.isComposing || event.keyCode === 229, taken: event.defaultPrevented };
    };
    const pressed = names.flatMap((key) => [press(key, { isComposing: true }), press(key, { keyCode: 229 })]);
    await new Promise(requestAnimationFrame);
    return pressed;
  }, keys);
}

beforeAll(async () => {
  await seed();
  extension = await loadExtension();
  popup = await PopupPage.open(extension.context, extension.id);
});

afterAll(async () => {
  await extension?.close();
});

describe('the popup', () => {
  it('first run: a profile typed into the setup form tests its connection, then opens the bucket list', async () => {
    await popup.fillProfile({ name: 'local ceph', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
    await popup.page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => popup.page.getByText(/^Connected:/).textContent())
      .toMatch(/Connected: \d+ buckets? \(.*popup-e2e-/);
    await popup.addProfile({ name: 'local ceph', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
    await popup.row(bucket).waitFor();
    expect(await popup.filterBox.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('browses into a folder of more than 1,000 keys, paging on scroll while rendering only visible rows', async () => {
    await popup.open(bucket);
    await popup.row('big/').waitFor();
    expect(await popup.renderedNames()).toEqual(['big/', 'invoices/', 'readme.md']);
    // Opening the bucket with this profile chose it for the bucket: the menu and the shortcut sign with it.
    const { profiles, bucketProfiles } = await extension.worker.evaluate(() =>
      chrome.storage.local.get(['profiles', 'bucketProfiles']),
    );
    expect(bucketProfiles).toEqual({ [`${s3.endpoint}|${bucket}`]: (profiles as { id: string }[])[0]?.id });
    await popup.open('big/');
    await expect.poll(() => popup.status.textContent()).toMatch(/1,000 items · more on the server/);
    expect((await popup.renderedNames()).length).toBeLessThanOrEqual(40);
    // Scrolling to the end of the loaded rows fetches the next page (continuation token).
    await popup.list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect.poll(() => popup.status.textContent(), { timeout: 15_000 }).toMatch(/^1,100 items$/);
    await popup.list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect.poll(() => popup.renderedNames()).toContain('key-1099.txt');
    expect((await popup.renderedNames()).length).toBeLessThanOrEqual(40);
  });

  it('filters instantly; arrows move, Enter copies a working link, Escape goes up', async () => {
    await popup.filterBox.fill('key-105');
    await expect
      .poll(() => popup.renderedNames())
      .toEqual(Array.from({ length: 10 }, (_, i) => `key-105${i}.txt`));
    await popup.filterBox.press('ArrowDown');
    await popup.filterBox.press('ArrowDown');
    expect(await popup.row('key-1052.txt').getAttribute('aria-selected')).toBe('true');
    const link = await copiedBy(() => popup.filterBox.press('Enter'));
    const response = await rawRequest(link);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('body 1052');
    await expect(popup.page.getByRole('status').first().textContent()).resolves.toMatch(
      /Copied a link to key-1052\.txt/,
    );
    await popup.filterBox.press('Escape'); // clears the filter
    expect(await popup.filterBox.inputValue()).toBe('');
    await popup.filterBox.press('Escape'); // up to the bucket's root
    await popup.row('invoices/').waitFor();
  });

  it('focus starts in the filter and comes back to it; Back and Escape from options keep the filter and row', async () => {
    const { page } = popup;
    await popup.open('invoices/'); // a click: the row clicked had the focus, and it is gone with the folder
    await popup.row('2026/').waitFor();
    expect(await popup.filterFocused()).toBe(true);
    await page.keyboard.press('Enter'); // the keys reach the filter: Enter opens the first row, 2026/
    await popup.row('receipt.txt').waitFor();
    await page.keyboard.type('e');
    await page.keyboard.press('ArrowDown');
    expect(await popup.selected()).toEqual({ name: 'receipt.txt', described: true });
    await page.keyboard.press('Shift+Enter'); // the selected object's options replace the list
    await page.getByRole('region', { name: 'Link for receipt.txt' }).waitFor();
    await page.keyboard.press('Escape');
    await popup.row('receipt.txt').waitFor();
    expect(await popup.filterBox.inputValue()).toBe('e');
    expect(await popup.selected()).toEqual({ name: 'receipt.txt', described: true });
    await expect.poll(() => popup.filterFocused()).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await popup.selected()).toEqual({ name: 'Facture été.pdf', described: true });
    await page.keyboard.press('Shift+Enter');
    const panel = page.getByRole('region', { name: 'Link for Facture été.pdf' });
    await panel.getByRole('button', { name: '← Back' }).click();
    await popup.row('Facture été.pdf').waitFor();
    expect(await popup.filterBox.inputValue()).toBe('e');
    expect(await popup.selected()).toEqual({ name: 'Facture été.pdf', described: true });
    await expect.poll(() => popup.filterFocused()).toBe(true);
    // Another screen and back: the browser starts again, with the focus in the filter.
    await page.getByRole('button', { name: 'Paste a link' }).click();
    await page.getByRole('button', { name: 'Browse' }).click();
    await popup.row('receipt.txt').waitFor();
    await expect.poll(() => popup.filterFocused()).toBe(true);
    await page.keyboard.type('rec');
    await expect.poll(() => popup.renderedNames()).toEqual(['receipt.txt']);
    await page.keyboard.press('Escape'); // clears the filter
    await page.keyboard.press('Escape'); // → invoices/
    await popup.row('2026/').waitFor();
    await page.keyboard.press('Escape'); // → the bucket's root
    await popup.row('readme.md').waitFor();
  });

  it('leaves to an input method the keys it is composing with: Enter confirms a conversion, it copies nothing', async () => {
    expect(await popup.selected()).toEqual({ name: 'big/', described: true });
    const keys = await composingKeys(['ArrowDown', 'PageDown', 'Enter']);
    // Each was sent as composing (Chrome took the keyCode too), and none was taken.
    expect(keys.filter((key) => !key.composing || key.taken)).toEqual([]);
    expect(await popup.selected()).toEqual({ name: 'big/', described: true });
    expect(await popup.row('big/').count()).toBe(1); // Enter opened nothing
    await popup.filterBox.fill('read');
    expect((await composingKeys(['Escape'])).filter((key) => key.taken)).toEqual([]);
    expect(await popup.filterBox.inputValue()).toBe('read');
    // The same keys outside a composition are the list's.
    await popup.filterBox.press('Escape');
    expect(await popup.filterBox.inputValue()).toBe('');
    await popup.filterBox.press('ArrowDown');
    expect(await popup.selected()).toEqual({ name: 'invoices/', described: true });
  });

  it('the selected row stays on its object when the fresh listing replaces the cached one', async () => {
    // The cached listing of invoices/2026/ is from before "Facture été.pdf" was added: it comes first once fresh.
    await extension.worker.evaluate(
      async ({ bucket: name }) => {
        const { profiles } = (await chrome.storage.local.get('profiles')) as { profiles: { id: string }[] };
        await chrome.storage.local.set({
          [`listing:${profiles[0]?.id}|${name}|invoices/2026/`]: {
            prefixes: [],
            objects: [{ key: 'invoices/2026/receipt.txt', size: 12, lastModified: new Date().toISOString() }],
            truncated: false,
            fetchedAt: new Date().toISOString(),
          },
        });
      },
      { bucket },
    );
    const release = await popup.holdRequests((url) => url.searchParams.get('prefix') === 'invoices/2026/');
    await popup.open('invoices/');
    await popup.open('2026/');
    await expect.poll(() => popup.status.textContent()).toMatch(/refreshing/);
    await popup.filterBox.press('ArrowDown');
    expect(await popup.selected()).toEqual({ name: 'receipt.txt', described: true });
    await release();
    await popup.row('Facture été.pdf').waitFor();
    expect(await popup.selected()).toEqual({ name: 'receipt.txt', described: true });
    const link = await copiedBy(() => popup.filterBox.press('Enter'));
    expect((await rawRequest(link)).body.toString()).toBe('receipt body');
    await popup.filterBox.press('Escape');
    await popup.filterBox.press('Escape');
    await popup.row('readme.md').waitFor();
  });

  it('pages on after a failed page, pages a server search past 1,000 keys, and forgets the search on leaving', async () => {
    const firstPage = (url: URL) =>
      url.searchParams.get('prefix') === 'big/' && !url.searchParams.has('continuation-token');
    const nextPage = (url: URL) => url.searchParams.has('continuation-token');
    // While the cached listing shows, there is no continuation token yet: no Load more.
    const release = await popup.holdRequests(firstPage);
    await popup.open('big/');
    await expect
      .poll(() => popup.status.textContent())
      .toMatch(/^1,000 items · more on the server · refreshing…$/);
    expect(await popup.loadMore.count()).toBe(0);
    await release();
    await popup.loadMore.waitFor();
    // A failed page shows its error; the next page that comes clears it.
    const restore = await popup.failRequests(nextPage);
    await popup.list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await popup.browse.getByRole('alert').waitFor();
    await restore();
    await popup.loadMore.click();
    await expect.poll(() => popup.status.textContent(), { timeout: 15_000 }).toBe('1,100 items');
    expect(await popup.browse.getByRole('alert').count()).toBe(0);

    // A server search pages on, on scroll and with Load more, though the filter holds its text.
    await popup.page.keyboard.press('Escape');
    await popup.open('big/');
    await popup.loadMore.waitFor();
    await popup.filterBox.fill('key-');
    const search = popup.browse.getByRole('button', {
      name: 'Search the server for keys starting with “key-”',
    });
    await search.click();
    await expect
      .poll(() => popup.status.textContent())
      .toBe('Keys starting with “key-” · show the whole folder · 1,000 of 1,000 items · more on the server');
    await popup.list.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect
      .poll(() => popup.status.textContent(), { timeout: 15_000 })
      .toMatch(/· 1,100 of 1,100 items$/);
    await popup.browse.getByRole('button', { name: 'show the whole folder' }).click();
    await search.click();
    await popup.loadMore.click();
    await expect
      .poll(() => popup.status.textContent(), { timeout: 15_000 })
      .toMatch(/· 1,100 of 1,100 items$/);

    // Up and back: the whole folder, not the search made there before.
    await popup.filterBox.press('Escape'); // clears the filter
    await popup.filterBox.press('Escape'); // → the bucket's root
    await popup.open('big/');
    await popup.loadMore.waitFor();
    expect(await popup.status.textContent()).toBe('1,000 items · more on the server');
    await popup.filterBox.press('Escape');
    await popup.row('readme.md').waitFor();
  });

  it('Escape goes up one level wherever the focus is; at the bucket list it is left to the browser', async () => {
    await popup.open('invoices/');
    await popup.open('2026/');
    await popup.open('Facture été.pdf');
    const panel = popup.page.getByRole('region', { name: 'Link for Facture été.pdf' });
    await panel.getByRole('button', { name: 'Copy link' }).focus();
    await popup.page.keyboard.press('Escape'); // options → the folder
    await popup.row('Facture été.pdf').getByRole('button', { name: 'Copy link to Facture été.pdf' }).focus();
    await popup.page.keyboard.press('Escape'); // focus on a row's button, not in the filter: → invoices/
    await popup.row('2026/').waitFor();
    await popup.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await popup.page.keyboard.press('Escape'); // nothing focused → the bucket's root
    await popup.row('invoices/').waitFor();
    await popup.filterBox.press('Escape'); // empty filter → the bucket list
    await popup.row(bucket).waitFor();
    // The bucket list takes no Escape (in the toolbar popup, Chrome then closes the popup): nothing changes here.
    await popup.filterBox.press('Escape');
    await popup.page.waitForTimeout(200);
    expect(await popup.page.getByRole('navigation', { name: 'Location' }).textContent()).toBe('Buckets');
    await popup.open(bucket);
    await popup.row('invoices/').waitFor();
  });

  it('picks an object, sets its options, copies, and the link serves the exact bytes under the chosen name', async () => {
    await popup.open('invoices/');
    await popup.open('2026/');
    await popup.open('Facture été.pdf');
    const panel = popup.page.getByRole('region', { name: 'Link for Facture été.pdf' });
    await panel.getByLabel('Expires after').selectOption({ label: '15 minutes' });
    await panel.getByText('More options').click();
    await panel.getByLabel(/Save as/).fill('facture-novembre été.pdf');
    await expect
      .poll(() => panel.getByRole('textbox', { name: 'Signed link' }).inputValue())
      .toMatch(/response-content-disposition=/);
    const link = await copiedBy(() => panel.getByRole('button', { name: 'Copy link' }).click());
    await expect(panel.getByText('Copied', { exact: true }).textContent()).resolves.toBe('Copied');
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('900');
    const response = await rawRequest(link);
    expect(response.body.toString()).toBe('%PDF-1.7 facture');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="facture-novembre _t_.pdf"; filename*=UTF-8''facture-novembre%20%C3%A9t%C3%A9.pdf`,
    );
    // The shortcut's fallback: the last object picked in the popup.
    const picked = await extension.worker.evaluate(() => chrome.storage.local.get('lastPicked'));
    expect(picked.lastPicked).toMatchObject({ bucket, key: 'invoices/2026/Facture été.pdf' });
  });

  it('a PUT link with a required Content-Type uploads', async () => {
    const panel = popup.page.getByRole('region', { name: 'Link for Facture été.pdf' });
    await panel.getByLabel('Upload (PUT)').check();
    await panel.getByLabel(/Content-Type the uploader must send/).fill('application/pdf');
    await expect
      .poll(() => panel.getByRole('textbox', { name: 'Signed link' }).inputValue())
      .toMatch(/X-Amz-SignedHeaders=content-type%3Bhost/);
    await expect(
      panel.getByText(/The uploader must send Content-Type: application\/pdf/).count(),
    ).resolves.toBe(1);
    const link = await panel.getByRole('textbox', { name: 'Signed link' }).inputValue();
    const upload = await rawRequest(link, {
      method: 'PUT',
      body: 'replaced',
      headers: { 'content-type': 'application/pdf' },
    });
    expect(upload.status).toBe(200);
    await panel.getByRole('button', { name: '← Back' }).click();
    await popup.row('receipt.txt').waitFor();
  });

  it('lists the versions of an object in a versioned bucket and signs the one picked', async () => {
    await popup.page.getByRole('button', { name: 'Buckets' }).click();
    await popup.open(versioned);
    await popup.open('contract.txt');
    const panel = popup.page.getByRole('region', { name: 'Link for contract.txt' });
    await panel.getByText('More options').click();
    const version = panel.getByLabel('Version');
    await expect.poll(() => version.locator('option').count()).toBe(3); // Latest + two versions
    const older = await version.locator('option').nth(2).getAttribute('value');
    await version.selectOption(older as string);
    await expect
      .poll(() => panel.getByRole('textbox', { name: 'Signed link' }).inputValue())
      .toContain(`versionId=${encodeURIComponent(older as string)}`);
    const link = await panel.getByRole('textbox', { name: 'Signed link' }).inputValue();
    expect((await rawRequest(link)).body.toString()).toBe('first draft');
    await panel.getByRole('button', { name: '← Back' }).click();
    await popup.page.getByRole('button', { name: 'Buckets' }).click();
    await popup.open(bucket);
    await popup.open('invoices/');
    await popup.open('2026/');
    await popup.row('receipt.txt').waitFor();
  });

  it('reopens where it was, painting the cached listing even when S3 cannot be reached', async () => {
    await popup.page.close();
    // Point the profile at a closed port: only the cache can fill the list now.
    await extension.worker.evaluate(async () => {
      const { profiles } = (await chrome.storage.local.get('profiles')) as {
        profiles: { endpoint: string }[];
      };
      await chrome.storage.local.set({
        profiles: profiles.map((profile: { endpoint: string }) => ({
          ...profile,
          endpoint: 'http://127.0.0.1:9',
        })),
      });
    });
    popup = await PopupPage.open(extension.context, extension.id);
    await popup.row('receipt.txt').waitFor();
    await expect.poll(() => popup.alert.textContent()).toMatch(/reach|connect/i);
    expect(await popup.renderedNames()).toEqual(['Facture été.pdf', 'receipt.txt']);
  });
});

describe('importing profiles', () => {
  it('pastes a credentials file and a config file, previews, and saves one profile per section', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.page.getByRole('button', { name: 'Profiles' }).click();
    await page.page.getByRole('button', { name: 'Add profile' }).click();
    await page.page.getByRole('button', { name: 'Import from AWS CLI…' }).click();
    const text = [
      '[imported-one]',
      `aws_access_key_id = ${s3.owner.accessKeyId}`,
      `aws_secret_access_key = ${s3.owner.secretAccessKey}`,
      '[profile imported-one]',
      'region = us-east-1',
      `endpoint_url = ${s3.endpoint}`,
      '[imported-two]',
      `aws_access_key_id = ${s3.stranger.accessKeyId}`,
      `aws_secret_access_key = ${s3.stranger.secretAccessKey}`,
      '[profile sso-only]',
      'sso_session = corp',
    ].join('\n');
    await page.page.getByLabel(/Paste ~\/.aws\/credentials/).fill(text);
    const preview = page.page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.textContent()).toMatch(/2 profiles ready/);
    await expect.poll(() => preview.textContent()).toMatch(/export-credentials --profile sso-only/);
    expect(await preview.textContent()).not.toContain(s3.owner.secretAccessKey);
    await page.page.getByRole('button', { name: 'Save 2 profiles' }).click();
    await page.filterBox.waitFor();
    const names = await page.page
      .getByRole('combobox', { name: 'Profile' })
      .locator('option')
      .allTextContents();
    expect(names).toEqual(expect.arrayContaining(['imported-one', 'imported-two']));
    await page.switchProfile('imported-one');
    await page.row(bucket).waitFor();
    await page.page.close();
  });
});

describe('listing errors in plain words', () => {
  it.each([
    ['a wrong secret', { secretAccessKey: 'wrong-secret-0000000000000000000000000000' }, /secret/i],
    ['an unknown access key', { accessKeyId: 'AKIAUNKNOWNKEY000000' }, /access key/i],
  ])('%s', async (_, override, message) => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.addProfile({
      name: `bad ${Date.now()}`,
      ...s3.owner,
      ...override,
      region: s3.region,
      endpoint: s3.endpoint,
    });
    await expect.poll(() => page.alert.textContent()).toMatch(message);
    await page.page.close();
  });

  it('keys without permission on the bucket', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.addProfile({
      name: 'stranger',
      ...s3.stranger,
      region: s3.region,
      endpoint: s3.endpoint,
      defaultBucket: bucket,
    });
    await expect.poll(() => page.alert.textContent()).toMatch(/s3:ListBucket/);
    await page.page.close();
  });

  it('a bucket that does not exist', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.addProfile({
      name: 'no bucket',
      ...s3.owner,
      region: s3.region,
      endpoint: s3.endpoint,
      defaultBucket: 'no-such-bucket-here',
    });
    await expect.poll(() => page.alert.textContent()).toMatch(/no-such-bucket-here/);
    await expect.poll(() => page.alert.textContent()).toMatch(/There is no bucket/);
    await page.page.close();
  });
});
