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
