// Takes the README's screenshots of the real popup, against a local radosgw: node scripts/screenshots.mjs
// (after npm run build). Light theme, popup size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { chromium } from 'playwright-core';
import { startRadosgw } from './radosgw.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
const s3 = await startRadosgw({ sts: false });
const profileDir = mkdtempSync(join(tmpdir(), 's3-presign-shots-'));
try {
  const { owner } = s3.users;
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: owner,
  });
  await client.send(new CreateBucketCommand({ Bucket: 'invoices' }));
  await client.send(
    new PutObjectCommand({ Bucket: 'invoices', Key: '2026/INV-0042 ACME.pdf', Body: '%PDF' }),
  );

  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 400, height: 600 },
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-sandbox',
      '--disable-gpu',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Profile name').fill('local ceph');
  await form.getByLabel('Access key ID').fill(owner.accessKeyId);
  await form.getByLabel('Secret access key').fill(owner.secretAccessKey);
  await form.getByLabel(/Custom endpoint/).fill(s3.endpoint);
  await page.screenshot({ path: 'docs/screenshots/popup-setup.png', fullPage: true });
  await form.getByRole('button', { name: 'Save profile' }).click();
  const sign = page.getByRole('form', { name: 'Sign a link' });
  await sign.getByLabel(/S3 object/).fill(`${s3.endpoint}/invoices/2026/INV-0042%20ACME.pdf`);
  await sign.getByRole('button', { name: 'Sign link' }).click();
  await page.getByRole('textbox', { name: 'Signed link' }).waitFor();
  await page.screenshot({ path: 'docs/screenshots/popup-signed.png', fullPage: true });
  await context.close();
} finally {
  await s3.stop();
  rmSync(profileDir, { recursive: true, force: true });
}
