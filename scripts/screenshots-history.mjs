// Takes the README's screenshots of the link tools (a tested link with its QR code, the history) in the real
// popup against a local radosgw: node scripts/screenshots-history.mjs (after a build; S3P_OUTPUT picks it).
// Popup size, light and dark.
import { resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { launchWithExtension } from './chromium.mjs';
import { startRadosgw } from './radosgw.mjs';
import { s3Client } from './s3-client.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
const SHOTS = 'docs/screenshots';
const s3 = await startRadosgw({ sts: false });
try {
  const { owner } = s3.users;
  const client = s3Client(s3, owner);
  await client.send(new CreateBucketCommand({ Bucket: 'invoices' }));
  const files = {
    '2026/INV-0042 ACME.pdf': 48_213,
    '2026/INV-0043 Globex.pdf': 51_876,
    '2026/receipts.zip': 4_812_331,
  };
  for (const [key, size] of Object.entries(files))
    await client.send(
      new PutObjectCommand({
        Bucket: 'invoices',
        Key: key,
        Body: Buffer.alloc(size, 1),
        ContentType: key.endsWith('.pdf') ? 'application/pdf' : 'application/zip',
      }),
    );

  for (const scheme of ['light', 'dark']) {
    const chromium = await launchWithExtension(EXTENSION, {
      colorScheme: scheme,
      viewport: { width: 400, height: 600 },
    });
    try {
      const suffix = scheme === 'dark' ? '-dark' : '';
      const page = await chromium.context.newPage();
      await page.goto(`chrome-extension://${chromium.id}/popup.html`);
      const form = page.getByRole('form', { name: 'Add a profile' });
      await form.getByLabel('Profile name').fill('local ceph');
      await form.getByLabel('Access key ID').fill(owner.accessKeyId);
      await form.getByLabel('Secret access key').fill(owner.secretAccessKey);
      await form
        .getByLabel('Store', { exact: true })
        .selectOption({ label: 'MinIO, Ceph or other S3-compatible' });
      await form.getByLabel(/Custom endpoint/).fill(s3.endpoint);
      await form.getByRole('button', { name: 'Save profile' }).click();
      await page.getByRole('option', { name: /invoices/ }).click();
      await page.getByRole('option', { name: /2026/ }).click();

      // Two links copied from their rows, one from the link panel: the history has something to show.
      for (const name of [/receipts/, /INV-0042/]) {
        await page.getByRole('option', { name }).hover();
        await page.getByRole('option', { name }).getByRole('button', { name: /Copy/ }).click();
      }
      await page.getByRole('option', { name: /INV-0043/ }).click();
      const panel = page.getByRole('region', { name: /Link for/ });
      await panel.getByRole('button', { name: 'Copy link' }).click();
      await panel.getByRole('button', { name: 'Test', exact: true }).click();
      await panel.locator('.verdict[data-kind]').waitFor();
      await panel.getByRole('button', { name: 'QR code' }).click();
      await panel.getByRole('img', { name: /QR code/ }).waitFor();
      await panel.locator('figure.qr figcaption').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/popup-qr${suffix}.png` });

      await page.getByRole('button', { name: 'History' }).click();
      await page.getByRole('region', { name: 'History' }).getByRole('listitem').nth(2).waitFor();
      await page.screenshot({ path: `${SHOTS}/popup-history${suffix}.png` });
    } finally {
      await chromium.close();
    }
  }
} finally {
  await s3.stop();
}
