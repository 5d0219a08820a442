// Takes the README's screenshots of the link tools (a tested link with its QR code, the history) in the real
// popup against a local radosgw: node scripts/screenshots-history.mjs (after a build; S3P_OUTPUT picks it).
// Popup size, light and dark.
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startRadosgw } from './radosgw.mjs';
import { s3Client } from './s3-client.mjs';
import { fillOwnerProfile, openPopup, SHOTS } from './screenshots/setup.mjs';

const s3 = await startRadosgw({ sts: false });
try {
  const client = s3Client(s3, s3.users.owner);
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
    const { chromium, page } = await openPopup(scheme);
    try {
      const suffix = scheme === 'dark' ? '-dark' : '';
      const form = await fillOwnerProfile(page, s3);
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
