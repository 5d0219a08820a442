// Takes the README's screenshots of the folder tools (ticked objects, bulk links, upload, upload form) in the
// real popup against a local radosgw: node scripts/screenshots-bulk.mjs (after npm run build). Popup size, light.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startRadosgw } from './radosgw.mjs';
import { s3Client } from './s3-client.mjs';
import { fillOwnerProfile, openPopup, SHOTS } from './screenshots/setup.mjs';

const s3 = await startRadosgw({ sts: false });
const scratch = await mkdtemp(join(tmpdir(), 's3p-shots-'));
try {
  const client = s3Client(s3, s3.users.owner);
  await client.send(new CreateBucketCommand({ Bucket: 'media-review' }));
  const put = (key, size) =>
    client.send(new PutObjectCommand({ Bucket: 'media-review', Key: key, Body: Buffer.alloc(size, 1) }));
  const photos = Array.from({ length: 1_240 }, (_, i) => `shoot-2026-11/IMG_${String(4000 + i)}.jpg`);
  for (let start = 0; start < photos.length; start += 100)
    await Promise.all(photos.slice(start, start + 100).map((key, i) => put(key, 24_000 + i * 97)));
  await put('shoot-2026-11/contact-sheet.pdf', 81_200);

  const { chromium, page } = await openPopup();
  try {
    const form = await fillOwnerProfile(page, s3);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('option', { name: /media-review/ }).click();
    await page.getByRole('option', { name: /shoot-2026-11/ }).click();
    await page.getByRole('option', { name: /IMG_4000/ }).waitFor();
    // Tick a few rows: Space, then Shift+Space for a range.
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await page.screenshot({ path: `${SHOTS}/popup-ticked.png` });

    await page.getByRole('button', { name: 'Untick all' }).click();
    await page.getByRole('button', { name: 'Links for whole folder' }).click();
    const bulk = page.getByRole('region', { name: 'Bulk links' });
    await bulk.getByRole('button', { name: /Yes, sign all/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/popup-bulk-confirm.png` });
    await bulk.getByRole('button', { name: /Yes, sign all/ }).click();
    await bulk.getByRole('button', { name: 'Copy as CSV' }).click();
    await bulk.getByText(/Copied|Could not copy/).waitFor();
    await page.screenshot({ path: `${SHOTS}/popup-bulk-done.png` });
    await bulk.getByRole('button', { name: '← Back' }).click();

    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const upload = page.getByRole('region', { name: 'Upload' });
    const small = join(scratch, 'notes été.txt');
    await writeFile(small, 'hello');
    await upload.getByLabel('Choose files to upload').setInputFiles(small);
    await upload.getByRole('textbox', { name: /Download link for notes/ }).waitFor();
    // A large one held halfway, to show the progress bar.
    const big = join(scratch, 'raw-footage.mov');
    await writeFile(big, Buffer.alloc(80 * 1024 * 1024, 3));
    await page.route(
      (url) => url.searchParams.get('partNumber') === '5',
      () => undefined,
    );
    await upload.getByLabel('Choose files to upload').setInputFiles(big);
    await upload.getByText(/Uploading in parts… [1-9]/).waitFor();
    await page.screenshot({ path: `${SHOTS}/popup-upload.png` });
    await upload.getByRole('button', { name: 'Cancel' }).click();
    await upload.getByRole('button', { name: '← Back' }).click();

    await page.getByRole('button', { name: 'Upload form', exact: true }).click();
    const post = page.getByRole('region', { name: 'Upload form' });
    await post.getByLabel('Content-Type starts with').fill('image/');
    await post.getByRole('textbox', { name: 'curl command', exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/popup-upload-form.png`, fullPage: true });
  } finally {
    await chromium.close();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
  await s3.stop();
}
