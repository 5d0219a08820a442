import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FILENAME } from '@/utils/post-policy';
import { type LoadedExtension, loadExtension, waitFor } from '../support/chromium';
import { rawRequest } from '../support/raw-http';
import { s3Client } from '../support/s3-client';
import { PopupPage } from './pages/popup-page';

// The folder tools in real Chromium against radosgw: bulk links for 2,000 keys (copied as lines and as CSV,
// sample-fetched), ticking objects, a direct upload and a multipart one through the popup, fetched back with the
// link it gives, and a browser-form upload (POST policy) sent with the generated fields and curl command.

const s3 = inject('s3');
const bucket = `bulk-e2e-${Date.now().toString(36)}`;
const MANY = 2_000;
const manyKey = (i: number): string => `many/sub-${i % 4}/key-${String(i).padStart(4, '0')}.txt`;
const AWKWARD: Record<string, string> = {
  'csv/a,b "quoted".txt': 'comma and quotes',
  'csv/=SUM(1+1).txt': 'formula',
  'csv/plain.txt': 'plain',
  // At the bucket's root, the whole key starts with "=": the CSV's formula guard must catch it.
  '=cmd.txt': 'a formula at the root',
};
const client = s3Client(s3, s3.owner);
const execFileAsync = promisify(execFile);

let extension: LoadedExtension;
let popup: PopupPage;
let scratch: string;

async function seed(): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const put = (key: string, body: string) =>
    client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  await Promise.all(Object.entries(AWKWARD).map(([key, body]) => put(key, body)));
  for (let start = 0; start < MANY; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, MANY - start) }, (_, i) =>
        put(manyKey(start + i), `body ${start + i}`),
      ),
    );
  }
}

/** Clears the clipboard, runs a gesture, and returns the text it copied. */
async function copiedBy(gesture: () => Promise<unknown>): Promise<string> {
  await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await gesture();
  return waitFor(extension.readClipboard, (text) => text !== 'nothing yet', 20_000);
}

/** An object's body as stored, read with the owner's keys. */
async function stored(key: string): Promise<string> {
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await out.Body?.transformToString()) ?? '';
}

const tool = (name: string) =>
  popup.page.getByRole('group', { name: 'Folder tools' }).getByRole('button', { name, exact: true });
const panel = (name: string) => popup.page.getByRole('region', { name });

/** Goes to the bucket's root from wherever the popup is. */
async function toRoot(): Promise<void> {
  await popup.page
    .getByRole('navigation', { name: 'Location' })
    .getByRole('button', { name: bucket })
    .click();
  await popup.row('csv/').waitFor();
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 's3p-bulk-'));
  await seed();
  extension = await loadExtension();
  popup = await PopupPage.open(extension.context, extension.id);
  await popup.addProfile({ name: 'local ceph', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
  await popup.open(bucket);
  await popup.row('many/').waitFor();
});

afterAll(async () => {
  await extension?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('bulk links', () => {
  it('a whole folder, recursively: 2,000 keys counted, confirmed, signed in chunks, copied as lines; all work', async () => {
    await popup.open('many/');
    await popup.row('sub-0/').waitFor();
    await tool('Links for whole folder').click();
    const bulk = panel('Bulk links');
    await expect
      .poll(() => bulk.getByRole('status').first().textContent(), { timeout: 20_000 })
      .toBe(`2,000 objects under ${bucket}/many/ (sub-folders included)`);
    expect(await bulk.getByText(/more than 1,000 links/).count()).toBe(1);
    await bulk.getByRole('button', { name: 'Yes, sign all 2,000 links' }).click();
    await bulk.getByText(/^Signed 2,000 links in/).waitFor({ timeout: 30_000 });
    const lines = (await copiedBy(() => bulk.getByRole('button', { name: 'Copy as lines' }).click())).split(
      '\n',
    );
    expect(lines).toHaveLength(MANY);
    expect(new Set(lines).size).toBe(MANY);
    // A sample of 50 spread over the list: each link serves its own object's bytes.
    const sample = Array.from({ length: 50 }, (_, i) => i * 40 + (i % 7));
    const byKey = new Map(
      lines.map((url) => [decodeURIComponent(new URL(url).pathname.split('/').slice(2).join('/')), url]),
    );
    const responses = await Promise.all(
      sample.map(async (i) => {
        const url = byKey.get(manyKey(i));
        const response = url ? await rawRequest(url) : undefined;
        return { i, status: response?.status, body: response?.body.toString() };
      }),
    );
    expect(responses.filter((r) => r.status !== 200 || r.body !== `body ${r.i}`)).toEqual([]);
    console.info(`bulk-upload e2e: ${await bulk.getByText(/^Signed 2,000 links in/).textContent()}`);
  });

  it('copies the same links as CSV: the header, then key, size, url, expires', async () => {
    const bulk = panel('Bulk links');
    const csv = await copiedBy(() => bulk.getByRole('button', { name: 'Copy as CSV' }).click());
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('key,size,url,expires');
    expect(rows.at(-1)).toBe(''); // every row ends with CRLF
    expect(rows).toHaveLength(MANY + 2);
    const [key, size, url, expires] = (rows[1] as string).split(',');
    expect(key).toBe(manyKey(0));
    expect(size).toBe(String('body 0'.length));
    expect((await rawRequest(url as string)).body.toString()).toBe('body 0');
    expect(new Date(expires as string).getTime()).toBeGreaterThan(Date.now());
    await bulk.getByRole('button', { name: '← Back' }).click();
    await popup.row('sub-0/').waitFor();
  });

  it('ticks objects with Space, Shift+Space and Ctrl+click; their CSV quotes awkward keys', async () => {
    await toRoot();
    await popup.open('csv/');
    await popup.row('=SUM(1+1).txt').waitFor();
    expect(await popup.filterFocused()).toBe(true);
    // Rows: "=SUM(1+1).txt", "a,b "quoted".txt", "plain.txt" (S3's byte order).
    await popup.page.keyboard.press('Space'); // ticks the first
    await popup.page.keyboard.press('ArrowDown');
    await popup.page.keyboard.press('ArrowDown');
    await popup.page.keyboard.press('Shift+Space'); // ticks the range up to the third
    const checked = () => popup.list.locator('[role=option][aria-checked=true] .name').allTextContents();
    expect(await checked()).toEqual(['=SUM(1+1).txt', 'a,b "quoted".txt', 'plain.txt']);
    await popup.row('plain.txt').click({ modifiers: ['Control'] }); // unticks
    expect(await checked()).toEqual(['=SUM(1+1).txt', 'a,b "quoted".txt']);
    expect(await popup.filterBox.inputValue()).toBe(''); // Space ticked, it typed nothing
    await tool('Links for ticked').click();
    const bulk = panel('Bulk links');
    await bulk.getByRole('button', { name: 'Sign 2 links' }).click();
    const csv = await copiedBy(() => bulk.getByRole('button', { name: 'Copy as CSV' }).click());
    const rows = csv.split('\r\n');
    // The key is the whole key, "csv/=SUM…": it starts with no formula character, so it goes as it is.
    expect(rows[1]).toMatch(/^csv\/=SUM\(1\+1\)\.txt,7,http/);
    expect(rows[2]).toMatch(/^"csv\/a,b ""quoted""\.txt",16,http/);
    const url = /,(http[^,]+),/.exec(rows[2] as string)?.[1] as string;
    expect((await rawRequest(url)).body.toString()).toBe('comma and quotes');
    await bulk.getByRole('button', { name: '← Back' }).click();
    await popup.row('plain.txt').waitFor();
  });

  it('a Shift range starts at the row ticked last even after the filter changed the rows', async () => {
    await popup.list.locator('[role=option][aria-checked=true]').first().waitFor();
    await popup.page.getByRole('button', { name: 'Untick all' }).click();
    const checked = () => popup.list.locator('[role=option][aria-checked=true] .name').allTextContents();
    await popup.row('=SUM(1+1).txt').click({ modifiers: ['Control'] }); // the anchor, row 0 unfiltered
    // "a" hides "=SUM(1+1).txt": "a,b "quoted".txt" is row 0 now, "plain.txt" row 1.
    await popup.filterBox.fill('a');
    await popup.row('=SUM(1+1).txt').waitFor({ state: 'detached' });
    await popup.row('plain.txt').click({ modifiers: ['Shift'] });
    await popup.filterBox.fill('');
    await popup.row('=SUM(1+1).txt').waitFor();
    // The anchor is not among the rows shown: the range is the clicked row alone, not "row 0 to 1".
    expect(await checked()).toEqual(['=SUM(1+1).txt', 'plain.txt']);
    await popup.page.getByRole('button', { name: 'Untick all' }).click();
  });

  it('Ctrl+Space ticks nothing (an input method’s key); Space on a folder says it cannot be ticked', async () => {
    const checked = () => popup.list.locator('[role=option][aria-checked=true] .name').allTextContents();
    await popup.filterBox.focus();
    await popup.page.keyboard.press('Control+Space');
    expect(await checked()).toEqual([]);
    await toRoot();
    const names = await popup.list.getByRole('option').locator('.name').allTextContents();
    const folderAt = names.indexOf('csv/');
    expect(folderAt).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < folderAt; i++) await popup.page.keyboard.press('ArrowDown');
    await popup.page.keyboard.press('Space');
    await popup.page
      .getByRole('region', { name: 'Browse' })
      .getByRole('status')
      .filter({ hasText: 'A folder cannot be ticked' })
      .waitFor();
    expect(await popup.filterBox.inputValue()).toBe('');
    expect(await checked()).toEqual([]);
  });

  it('a key at the bucket’s root starting with "=" gets the formula guard in the CSV', async () => {
    // At the root already after the test before; there when run alone.
    if (!(await popup.row('=cmd.txt').isVisible())) await toRoot();
    await popup.row('=cmd.txt').click({ modifiers: ['Control'] });
    await tool('Links for ticked').click();
    const bulk = panel('Bulk links');
    await bulk.getByRole('button', { name: /^Sign 1 link/ }).click();
    const csv = await copiedBy(() => bulk.getByRole('button', { name: 'Copy as CSV' }).click());
    const row = csv.split('\r\n')[1] as string;
    expect(row).toMatch(/^'=cmd\.txt,21,http/);
    // The URL column keeps the real key: the link serves the object.
    const url = /,(http[^,]+),/.exec(row)?.[1] as string;
    expect((await rawRequest(url)).body.toString()).toBe('a formula at the root');
    await bulk.getByRole('button', { name: '← Back' }).click();
    await popup.page.getByRole('button', { name: 'Untick all' }).click();
    await popup.open('csv/');
    await popup.row('plain.txt').waitFor();
  });
});

describe('upload', () => {
  it('uploads a chosen file into the folder and gives a download link that serves it back', async () => {
    await tool('Upload').click();
    const upload = panel('Upload');
    const bytes = Buffer.from('uploaded through the popup, été ✓\n');
    await upload
      .getByLabel('Choose files to upload')
      .setInputFiles({ name: 'note été.txt', mimeType: 'text/plain', buffer: bytes });
    const link = upload.getByRole('textbox', { name: 'Download link for note été.txt' });
    await link.waitFor({ timeout: 20_000 });
    const response = await rawRequest(await link.inputValue());
    expect(response.status).toBe(200);
    expect(response.body.equals(bytes)).toBe(true);
    expect(response.headers['content-type']).toBe('text/plain');
    expect(await copiedBy(() => upload.getByRole('button', { name: 'Copy', exact: true }).click())).toBe(
      await link.inputValue(),
    );
  });

  it('an invalid custom expiry blocks uploading, saying so, until it is fixed', async () => {
    const upload = panel('Upload');
    const choose = upload.getByLabel('Choose files to upload');
    await upload.getByLabel('Expires after').selectOption({ label: 'Custom…' });
    await upload.getByLabel('Custom duration').fill('8d');
    await upload.getByRole('alert').filter({ hasText: 'No upload until the custom duration' }).waitFor();
    expect(await choose.isDisabled()).toBe(true);
    await upload.getByLabel('Custom duration').fill('2h');
    await expect.poll(() => choose.isDisabled()).toBe(false);
    expect(await upload.getByRole('alert').filter({ hasText: 'No upload until' }).count()).toBe(0);
    await upload.getByLabel('Expires after').selectOption('3600');
  });

  it('a file that cannot be stored gets its own result, saying why, and no link', async () => {
    const upload = panel('Upload');
    // A key over S3's 1,024-byte limit: refused before any request, with the reason.
    const long = `${'x'.repeat(1_100)}.txt`;
    await upload
      .getByLabel('Choose files to upload')
      .setInputFiles([{ name: long, mimeType: 'text/plain', buffer: Buffer.from('too long a name') }]);
    const item = upload.getByRole('listitem', { name: long });
    await expect
      .poll(() => item.getByRole('alert').textContent())
      .toMatch(/^The object key is 1108 bytes long/);
    expect(await item.getByRole('textbox').count()).toBe(0);
  });

  it('a file S3 refuses gets its own result, with S3’s answer and what to do', async () => {
    const upload = panel('Upload');
    // A bucket policy that denies uploads to csv/denied*: S3 itself refuses the signed PUT.
    await client.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:PutObject',
              Resource: `arn:aws:s3:::${bucket}/csv/denied*`,
            },
          ],
        }),
      }),
    );
    try {
      await upload
        .getByLabel('Choose files to upload')
        .setInputFiles([{ name: 'denied.txt', mimeType: 'text/plain', buffer: Buffer.from('no') }]);
      const item = upload.getByRole('listitem', { name: 'denied.txt' });
      await expect
        .poll(() => item.getByRole('alert').textContent())
        .toBe(
          'S3 refused the upload: AccessDenied (HTTP 403). The profile’s keys need s3:PutObject on this folder (and the upload link must not have expired).',
        );
      expect(await item.getByRole('textbox').count()).toBe(0);
    } finally {
      await client.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
    }
  });

  it('opened in a tab (popup.html?tool=upload), the upload panel takes files dropped on it', async () => {
    const tab = await extension.context.newPage();
    try {
      await tab.goto(`chrome-extension://${extension.id}/popup.html?tool=upload`);
      const upload = tab.getByRole('region', { name: 'Upload' });
      await upload.getByRole('heading', { name: `Upload to ${bucket}/csv/` }).waitFor();
      // In a tab of its own, no "Open in a tab" offer.
      expect(await upload.getByRole('button', { name: /Open in a tab/ }).count()).toBe(0);
      const zone = upload.locator('.drop-zone');
      const transfer = await tab.evaluateHandle(() => {
        const data = new DataTransfer();
        data.items.add(new File(['dropped bytes'], 'dropped.txt', { type: 'text/plain' }));
        return data;
      });
      await zone.dispatchEvent('dragover', { dataTransfer: transfer });
      await zone.dispatchEvent('drop', { dataTransfer: transfer });
      const link = upload.getByRole('textbox', { name: 'Download link for dropped.txt' });
      await link.waitFor({ timeout: 20_000 });
      expect((await rawRequest(await link.inputValue())).body.toString()).toBe('dropped bytes');
    } finally {
      await tab.close();
    }
  });

  it('a file above 64 MiB goes up in parts (multipart) and comes back byte for byte', async () => {
    const upload = panel('Upload');
    const size = 70 * 1024 * 1024 + 12_345;
    const big = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) big.writeUInt32LE(i, i);
    const path = join(scratch, 'big.bin');
    await writeFile(path, big);
    await upload.getByLabel('Choose files to upload').setInputFiles(path);
    const item = upload.getByRole('listitem', { name: 'big.bin' });
    const link = item.getByRole('textbox', { name: 'Download link for big.bin' });
    await link.waitFor({ timeout: 60_000 });
    expect(await item.getByText(/Uploaded \(multipart\)/).count()).toBe(1);
    const response = await rawRequest(await link.inputValue());
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(size);
    expect(createHash('sha256').update(response.body).digest('hex')).toBe(
      createHash('sha256').update(big).digest('hex'),
    );
  });

  it('a part that fails once (a dropped connection) is sent again alone, and the upload completes', async () => {
    const upload = panel('Upload');
    const size = 65 * 1024 * 1024 + 1;
    const body = Buffer.alloc(size, 3);
    body.write('retried', 0);
    const path = join(scratch, 'retried.bin');
    await writeFile(path, body);
    const partTwo = (url: URL) => url.searchParams.get('partNumber') === '2';
    let tries = 0;
    await popup.page.route(partTwo, (route) =>
      tries++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    try {
      await upload.getByLabel('Choose files to upload').setInputFiles(path);
      const item = upload.getByRole('listitem', { name: 'retried.bin' });
      const link = item.getByRole('textbox', { name: 'Download link for retried.bin' });
      await link.waitFor({ timeout: 60_000 });
      expect(tries).toBe(2);
      const response = await rawRequest(await link.inputValue());
      expect(response.body.length).toBe(size);
      expect(response.body.equals(body)).toBe(true);
    } finally {
      await popup.page.unroute(partTwo);
    }
  });

  it('cancelling a multipart upload aborts it on S3: no object, no parts left', async () => {
    const upload = panel('Upload');
    const path = join(scratch, 'cancelled.bin');
    await writeFile(path, Buffer.alloc(65 * 1024 * 1024, 7));
    const release = await popup.holdRequests((url) => url.searchParams.has('partNumber'));
    await upload.getByLabel('Choose files to upload').setInputFiles(path);
    const item = upload.getByRole('listitem', { name: 'cancelled.bin' });
    await item.getByText(/Uploading in parts/).waitFor();
    // The live region says the upload started; the percentage (updated on every progress event) is not in it.
    expect(await item.getByRole('status').textContent()).toBe('Uploading cancelled.bin');
    await item.getByRole('button', { name: 'Cancel' }).click();
    await item.getByText('Cancelled: nothing was stored.').waitFor();
    await release();
    await expect
      .poll(async () => {
        const out = await client.send(
          new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'csv/cancelled' }),
        );
        return out.Uploads?.length ?? 0;
      })
      .toBe(0);
    await expect(
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'csv/cancelled.bin' })),
    ).rejects.toMatchObject({
      name: 'NotFound',
    });
    await upload.getByRole('button', { name: '← Back' }).click();
    await popup.row('note été.txt').waitFor();
  });
});

describe('upload form (POST policy)', () => {
  it('the generated fields upload a file within the size limit (204) and one above it is refused (400 EntityTooLarge)', async () => {
    await tool('Upload form').click();
    const form = panel('Upload form');
    await form.getByLabel('Maximum size').fill('1 KB');
    const json = form.getByRole('textbox', { name: 'fields (JSON)' });
    const read = async () =>
      JSON.parse(await json.inputValue()) as { url: string; fields: Record<string, string> };
    const conditions = async () =>
      JSON.parse(Buffer.from((await read()).fields.Policy ?? '', 'base64').toString())
        .conditions as unknown[];
    // Signed again as the size is typed: wait for the policy that carries the new limit.
    await expect.poll(conditions).toContainEqual(['content-length-range', 0, 1024]);
    const policy = await read();
    expect(policy.fields.key).toBe(`csv/${FILENAME}`);
    const send = async (name: string, body: string) => {
      const data = new FormData();
      for (const [field, value] of Object.entries(policy.fields)) data.append(field, value);
      data.append('file', new Blob([body]), name);
      const response = await fetch(policy.url, { method: 'POST', body: data });
      return { status: response.status, text: await response.text() };
    };
    expect((await send('small.txt', 'small enough')).status).toBe(204);
    expect(await stored('csv/small.txt')).toBe('small enough');
    const refused = await send('large.txt', 'x'.repeat(2048));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('EntityTooLarge');
  });

  it('the curl command runs as it is, and the HTML form carries the same fields, escaped', async () => {
    const form = panel('Upload form');
    const file = join(scratch, "it's a file.txt");
    await writeFile(file, 'sent by curl');
    await form.getByLabel('File to send').fill(file);
    const curl = form.getByRole('textbox', { name: 'curl command', exact: true });
    await expect.poll(() => curl.inputValue()).toContain(`file=@"${file.replace(/'/g, `'\\''`)}"`);
    const { stdout } = await execFileAsync('sh', ['-c', await curl.inputValue()]);
    expect(stdout).toMatch(/^HTTP\/1\.1 204/);
    const html = await form.getByRole('textbox', { name: 'HTML form' }).inputValue();
    expect(html).toMatch(/<input type="hidden" name="key" value="csv\/\$\{filename\}" \/>/);
    expect(html.indexOf('type="file"')).toBeGreaterThan(html.lastIndexOf('type="hidden"'));
    const copied = await copiedBy(() => form.getByRole('button', { name: 'Copy HTML form' }).click());
    expect(copied).toBe(html);
    expect(await stored("csv/it's a file.txt")).toBe('sent by curl');
  });

  it('with a Content-Type condition, curl sends the file’s whole type (never the bare prefix) and the form asks for one', async () => {
    const form = panel('Upload form');
    await form.getByLabel('Maximum size').fill('');
    await form.getByLabel('Content-Type starts with').fill('image/');
    const file = join(scratch, 'pixel.png');
    await writeFile(file, 'not really a png');
    await form.getByLabel('File to send').fill(file);
    const sendType = form.getByLabel('Content-Type to send (in the curl command)');
    await expect.poll(() => sendType.inputValue()).toBe('image/png');
    const curl = form.getByRole('textbox', { name: 'curl command', exact: true });
    await expect.poll(() => curl.inputValue()).toContain("--form-string 'Content-Type=image/png'");
    const { stdout } = await execFileAsync('sh', ['-c', await curl.inputValue()]);
    expect(stdout).toMatch(/^HTTP\/1\.1 204/);
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'csv/pixel.png' }));
    expect(head.ContentType).toBe('image/png');
    // The bare prefix is refused here, with what to type, and no command is offered meanwhile.
    await sendType.fill('image/');
    await form.getByText(/is not a whole Content-Type: add the subtype/).waitFor();
    expect(await curl.count()).toBe(0);
    const html = await form.getByRole('textbox', { name: 'HTML form' }).inputValue();
    expect(html).toMatch(/<input type="text" name="Content-Type" required pattern="image\\\/\[/);
    await form.getByLabel('Content-Type starts with').fill('');
  });
});
