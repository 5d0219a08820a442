// Figures 1 and 2: signing speed, measured inside the benchmark page of the bench build (entrypoints/bench),
// which bundles the same utils/presign.ts the extension ships, through the same build.

/**
 * @typedef {{ median: number, min: number, max: number, samples: number[] }} Summary
 * @typedef {{ accessKeyId: string, secretAccessKey: string, region: string, endpoint?: string,
 *   bucket: string, key: string, expiresIn: number }} SigningCase
 * @typedef {{ perLink: Record<string, Summary>, sampleUrl: string, sameAsSdkPresigner: boolean }} SigningFigures
 * @typedef {{ count: number, sequentialMs: Summary, concurrentMs: Summary, distinctUrls: number,
 *   sampleUrl: string }} BulkFigures
 */

/**
 * Opens the benchmark page and waits until it exposes its API.
 * @param {import('./browser.mjs').Browser} browser
 */
export async function openBenchPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.id}/bench.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

/**
 * Figure 1: µs per GET link for presign() and the alternatives (see entrypoints/bench/signing.ts).
 * @param {import('playwright-core').Page} page
 * @param {SigningCase} signingCase
 * @param {{ rounds: number, batchMs: number }} options
 * @returns {Promise<SigningFigures>}
 */
export function measureSigning(page, signingCase, options) {
  return page.evaluate(
    ([c, o]) => {
      if (!window.s3pBench) throw new Error('bench.html did not load its API');
      return window.s3pBench.measureSigning(c, o);
    },
    /** @type {const} */ ([signingCase, options]),
  );
}

/**
 * Figure 2: total ms for `count` links, sequential and all at once.
 * @param {import('playwright-core').Page} page
 * @param {SigningCase} signingCase
 * @param {number} count
 * @param {number} rounds
 * @returns {Promise<BulkFigures>}
 */
export function measureBulk(page, signingCase, count, rounds) {
  return page.evaluate(
    ([c, n, r]) => {
      if (!window.s3pBench) throw new Error('bench.html did not load its API');
      return window.s3pBench.measureBulk(c, n, r);
    },
    /** @type {const} */ ([signingCase, count, rounds]),
  );
}
