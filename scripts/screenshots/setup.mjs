// What the README screenshot scripts (scripts/screenshots*.mjs) share: the build they shoot, where the PNGs go,
// the popup opened at its real size, and the first profile filled in for the local radosgw's owner.
import { resolve } from 'node:path';
import { launchWithExtension } from '../chromium.mjs';

/** The Chrome build to shoot (S3P_OUTPUT picks the output folder, `.output` by default). */
export const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
export const SHOTS = 'docs/screenshots';

/**
 * Chromium with the extension at popup size (`colorScheme`: 'light' or 'dark', else the default) and a page
 * on its popup. The caller closes `chromium`.
 */
export async function openPopup(colorScheme) {
  const chromium = await launchWithExtension(EXTENSION, {
    ...(colorScheme ? { colorScheme } : {}),
    viewport: { width: 400, height: 600 },
  });
  try {
    const page = await chromium.context.newPage();
    await page.goto(`chrome-extension://${chromium.id}/popup.html`);
    return { chromium, page };
  } catch (error) {
    await chromium.close();
    throw error;
  }
}

/** Fills the popup's "Add a profile" form for `s3`'s owner (a path-style radosgw), unsaved; returns the form. */
export async function fillOwnerProfile(page, s3) {
  const { owner } = s3.users;
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Profile name').fill('local ceph');
  await form.getByLabel('Access key ID').fill(owner.accessKeyId);
  await form.getByLabel('Secret access key').fill(owner.secretAccessKey);
  await form
    .getByLabel('Store', { exact: true })
    .selectOption({ label: 'MinIO, Ceph or other S3-compatible' });
  await form.getByLabel(/Custom endpoint/).fill(s3.endpoint);
  return form;
}
