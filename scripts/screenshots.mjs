// Takes the README's screenshots of the real popup against a local radosgw: node scripts/screenshots.mjs
// (after npm run build). Popup size, light and dark.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { chromium } from 'playwright-core';
import { startRadosgw } from './radosgw.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
const SHOTS = 'docs/screenshots';
const s3 = await startRadosgw({ sts: false });
const profileDir = mkdtempSync(join(tmpdir(), 's3-presign-shots-'));
try {
  const { owner } = s3.users;
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: owner,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  for (const bucket of ['invoices', 'media-review', 'partner-uploads'])
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const files = {
    '2026/INV-0042 ACME.pdf': 48_213,
    '2026/INV-0043 Globex.pdf': 51_876,
    '2026/INV-0044 Initech.pdf': 39_004,
    '2026/Facture été Société Générale.pdf': 61_532,
    '2026/receipts.zip': 4_812_331,
    '2025/INV-0001.pdf': 12_000,
  };
  for (const [key, size] of Object.entries(files))
    await client.send(new PutObjectCommand({ Bucket: 'invoices', Key: key, Body: Buffer.alloc(size, 1) }));

  for (const scheme of ['light', 'dark']) {
    const context = await chromium.launchPersistentContext(`${profileDir}-${scheme}`, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      colorScheme: scheme,
      viewport: { width: 400, height: 600 },
      args: [
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--no-sandbox',
        '--disable-gpu',
      ],
    });
    const suffix = scheme === 'dark' ? '-dark' : '';
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    const form = page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Profile name').fill('local ceph');
    await form.getByLabel('Access key ID').fill(owner.accessKeyId);
    await form.getByLabel('Secret access key').fill(owner.secretAccessKey);
    await form
      .getByLabel('Store', { exact: true })
      .selectOption({ label: 'MinIO, Ceph or other S3-compatible' });
    await form.getByLabel(/Custom endpoint/).fill(s3.endpoint);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText(/Connected:/).waitFor();
    await page.screenshot({ path: `${SHOTS}/popup-setup${suffix}.png`, fullPage: true });
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('option', { name: /invoices/ }).click();
    await page.getByRole('option', { name: /2026/ }).click();
    await page.getByRole('option', { name: /INV-0043/ }).waitFor();
    await page.getByRole('combobox', { name: /Filter/ }).fill('inv');
    await page.getByRole('combobox', { name: /Filter/ }).press('ArrowDown');
    await page.screenshot({ path: `${SHOTS}/popup-browse${suffix}.png`, fullPage: true });
    await page.getByRole('option', { name: /INV-0043/ }).click();
    await page.getByRole('textbox', { name: 'Signed link' }).waitFor();
    await page
      .getByRole('button', { name: 'Copy link' })
      .click()
      .catch(() => undefined);
    await page.screenshot({ path: `${SHOTS}/popup-link${suffix}.png`, fullPage: true });
    await context.close();
    rmSync(`${profileDir}-${scheme}`, { recursive: true, force: true });
  }
} finally {
  await s3.stop();
  rmSync(profileDir, { recursive: true, force: true });
}
