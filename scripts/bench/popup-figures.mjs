// Figures 4 and 6 together: they need the same things, radosgw with folders to list and the shipped build with
// a profile, so the folders are seeded once and one browser runs both.

import { measureBigFolder } from './big-folder.mjs';
import { launch } from './browser.mjs';
import { measurePopupPaint } from './popup-paint.mjs';
import { seedKeys } from './seed.mjs';

/** The folder figure 4 reopens in: one full page of keys, the most a single visit caches. */
export const VISITED = { prefix: 'visited/', keys: 1_000 };
/** The folder of figure 6. */
export const BIG_PREFIX = 'many/';

const NAMES = ['photo.jpg', 'report.pdf', 'données.csv', 'notes.txt', 'Invoice 2026.pdf'];
/** Keys sort in index order and mix a few kinds of names, accented ones too, for the filter to narrow. */
const keyAt = (/** @type {string} */ prefix) => (/** @type {number} */ index) =>
  `${prefix}${String(index).padStart(6, '0')}-${NAMES[index % NAMES.length]}`;

/**
 * @typedef {Awaited<ReturnType<typeof import('./seed.mjs').seedKeys>>} Seeding
 * @typedef {{ paint: import('./popup-paint.mjs').PaintFigures,
 *   big: import('./big-folder.mjs').BigFolderFigures, seeding: Seeding }} PopupFigures
 */

/**
 * Measures figure 4, then seeds the big folder and measures figure 6, in a fresh Chromium with the shipped build.
 * @param {string} shippedDir  the unpacked chrome-mv3 build
 * @param {import('./store.mjs').Store} store  a radosgw store (one that verifies)
 * @param {{ keys: number, quick: boolean }} options
 * @returns {Promise<PopupFigures>}
 */
export async function measurePopupFigures(shippedDir, store, { keys, quick }) {
  const { credentials, bucket } = store;
  await seedKeys(credentials, bucket, keyAt(VISITED.prefix), VISITED.keys);
  const browser = await launch(shippedDir);
  try {
    // Figure 4 first: the 100,000 PUTs of figure 6 leave the machine loaded (radosgw included) for a while.
    console.log('▶ figure 4: popup open → cached listing, → fresh listing');
    const paint = await measurePopupPaint(
      browser,
      credentials,
      { bucket, prefix: VISITED.prefix },
      { runs: quick ? 7 : 21, fullCacheRuns: quick ? 3 : 7 },
    );
    console.log(`▶ seeding radosgw: ${keys.toLocaleString('en')} keys`);
    const seeding = await seedKeys(credentials, bucket, keyAt(BIG_PREFIX), keys, {
      onProgress: (done) => console.log(`  ${done.toLocaleString('en')} keys`),
    });
    console.log(
      `  ${keys.toLocaleString('en')} keys in ${(seeding.ms / 1000).toFixed(1)} s (${Math.round(seeding.perSecond)}/s, ${seeding.concurrency} at once)`,
    );
    console.log(`▶ figure 6: a folder of ${keys.toLocaleString('en')} keys`);
    const big = await measureBigFolder(
      browser,
      credentials,
      { bucket, prefix: BIG_PREFIX },
      { opens: quick ? 3 : 7 },
    );
    return { paint, big, seeding };
  } finally {
    await browser.close();
  }
}
