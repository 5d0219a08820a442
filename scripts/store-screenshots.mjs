// Store screenshots (1280×800, what the Chrome Web Store and addons.mozilla.org take) of the real extension
// against the demo stack: node scripts/store-screenshots.mjs (after npm run build). The popup is shot at its
// own size and set on a 1280×800 canvas with a caption; the settings page is shot as it is at 1280×800.
// Writes docs/store/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium as playwright } from 'playwright-core';
import { CHROMIUM_PATH, launchWithExtension } from './chromium.mjs';
import { presetDemoProfile } from './demo/profile.mjs';
import { startDemoStack } from './demo/stack.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
const OUT = 'docs/store/screenshots';
const SIZE = { width: 1280, height: 800 };
const POPUP = { width: 400, height: 600 };

/** A 1280×800 canvas: caption on the left, the popup shots (PNG buffers) on the right. */
function canvasHtml(title, text, shots, dark) {
  const images = shots
    .map((png) => `<img src="data:image/png;base64,${png.toString('base64')}" alt="">`)
    .join('');
  const escapeHtml = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><meta charset="utf-8"><style>
  html,body{margin:0;width:1280px;height:800px;overflow:hidden}
  body{display:flex;align-items:center;gap:56px;padding:0 72px;box-sizing:border-box;
    font-family:system-ui,sans-serif;background:${dark ? 'linear-gradient(135deg,#16191d,#2b1d14)' : 'linear-gradient(135deg,#fff7f2,#fde3d3)'};
    color:${dark ? '#e6e8eb' : '#1b1f24'}}
  .caption{flex:1}
  h1{font-size:44px;line-height:1.15;margin:0 0 20px}
  p{font-size:22px;line-height:1.45;margin:0;color:${dark ? '#b8c0c8' : '#4a525c'}}
  .brand{font-size:18px;font-weight:600;color:#c7511f;margin-bottom:14px;letter-spacing:.02em}
  .shots{display:flex;gap:28px}
  img{display:block;border-radius:12px;box-shadow:0 18px 50px rgba(0,0,0,.28);border:1px solid rgba(127,127,127,.35)}
  </style><div class="caption"><div class="brand">S3 Presign</div><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></div>
  <div class="shots">${images}</div>`;
}

/** Shoots the popup after `prepare` has put it in the state to show. */
async function popupShot(extension, scheme, prepare) {
  // The popup reopens where it was left: start each shot at the bucket's root.
  await presetDemoProfile(extension.worker(), stack);
  const page = await extension.context.newPage();
  await page.setViewportSize(POPUP);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${extension.id}/popup.html`);
  await prepare(page);
  const png = await page.screenshot();
  await page.close();
  return png;
}

const openRoot = async (page) => {
  await page
    .getByRole('option', { name: /^invoices\// })
    .waitFor()
    .catch(async (error) => {
      await page.screenshot({ path: '.tmp/store-debug.png' });
      throw error;
    });
};

mkdirSync(OUT, { recursive: true });
const stack = await startDemoStack({ log: (line) => console.log(line) });
const extension = await launchWithExtension(EXTENSION, { viewport: SIZE });
const composer = await playwright.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox'],
});
try {
  await presetDemoProfile(extension.worker(), stack);
  const compose = async (name, title, text, shots, dark = false) => {
    const page = await composer.newPage({ viewport: SIZE });
    await page.setContent(canvasHtml(title, text, shots, dark));
    await page.screenshot({ path: `${OUT}/${name}.png` });
    await page.close();
    console.log(`${OUT}/${name}.png`);
  };

  const browse = await popupShot(extension, 'light', openRoot);
  const link = await popupShot(extension, 'light', async (page) => {
    await openRoot(page);
    await page.getByRole('option', { name: /^invoices\// }).click();
    await page.getByRole('option', { name: /^2026\// }).click();
    await page.getByRole('option', { name: /^INV-0042 ACME\.pdf/ }).click();
    await page.getByRole('textbox', { name: 'Signed link' }).waitFor();
  });
  const many = await popupShot(extension, 'light', async (page) => {
    await openRoot(page);
    await page.getByRole('option', { name: /^logs\// }).click();
    await page.getByRole('option', { name: /^2026-11\// }).click();
    await page.getByRole('combobox', { name: /Filter/ }).fill('app-02');
    await page.getByRole('option', { name: /^app-0200\.log/ }).waitFor();
  });
  const dark = await popupShot(extension, 'dark', openRoot);

  await compose(
    '1-browse',
    'Your private S3 objects, one click from a link',
    'Browse buckets and folders in the toolbar popup and copy a time-limited pre-signed link. AWS S3, R2, MinIO, Ceph and other S3-compatible stores.',
    [browse],
  );
  await compose(
    '2-link',
    'Choose how long the link lasts',
    'From 15 minutes to 7 days, download or upload. The link is signed on your device: your keys never leave the browser.',
    [link],
  );
  await compose(
    '3-thousands',
    'Thousands of keys? Type to filter',
    'Big folders page in as you scroll; the filter narrows as you type and can search the server by prefix.',
    [many],
  );
  await compose(
    '4-light-dark',
    'Follows your system theme',
    'Light and dark, keyboard first: arrows to move, Enter to open, Escape to go up.',
    [browse, dark],
    true,
  );

  const settings = await extension.context.newPage();
  await settings.setViewportSize(SIZE);
  await settings.emulateMedia({ colorScheme: 'light' });
  await settings.goto(`chrome-extension://${extension.id}/options.html`);
  await settings.getByRole('heading', { name: 'Profiles' }).waitFor();
  await settings.screenshot({ path: `${OUT}/5-settings.png` });
  console.log(`${OUT}/5-settings.png`);
} finally {
  await composer.close();
  await extension.close();
  await stack.stop();
}
