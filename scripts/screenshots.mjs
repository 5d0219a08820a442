// Takes the README's screenshots of the real popup against a local radosgw: node scripts/screenshots.mjs
// (after npm run build). Popup size, light and dark.
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startRadosgw } from './radosgw.mjs';
import { s3Client } from './s3-client.mjs';
import { fillOwnerProfile, openPopup, SHOTS } from './screenshots/setup.mjs';

const s3 = await startRadosgw({ sts: false });
try {
  const client = s3Client(s3, s3.users.owner);
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
    const { chromium, page } = await openPopup(scheme);
    try {
      const suffix = scheme === 'dark' ? '-dark' : '';
      const form = await fillOwnerProfile(page, s3);
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
    } finally {
      await chromium.close();
    }
  }
} finally {
  await s3.stop();
}
