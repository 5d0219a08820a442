// Figure 6: a folder of 100,000 keys (radosgw, seeded by seed.mjs) in the shipped popup.
//   first page: popup open → the folder's first rows, with no cache (each open clears it first);
//   paging in: scrolling to the end of the loaded rows until every key is loaded (one ListObjectsV2 request of
//     up to 1,000 keys per page, as a user scrolling to the bottom would), with the longest main-thread task;
//   rows in the DOM: the most `[role=option]` elements the probe saw after any DOM change while scrolling
//     through all the loaded rows, in jumps across the whole list and in small wheel-like steps;
//   keystroke: filter-box keystroke → list re-rendered (see popup-probe.mjs), with every key loaded, over a
//     sequence that narrows and widens the filter (each character typed, then deleted).

import { clearListingCache, openProbedPopup, readProbe, setUpProfile, waitForFresh } from './popup-probe.mjs';

/** Typed one key at a time into the filter box, then deleted, so both narrowing and widening are timed. */
export const TYPED = ['report', '777', 'INVOICE'];

/**
 * @typedef {{ firstPage: number[], firstStatus: string, loaded: number, pagingMs: number, requests: number,
 *   longestTaskMs: number, maxRows: number, scrollSteps: number,
 *   keys: import('./popup-probe.mjs').Keystroke[] }} BigFolderFigures
 */

/** @param {import('playwright-core').Page} page */
const statusText = (page) => page.locator('p.status').textContent();

/**
 * Scrolls to the end of the loaded rows until the status says nothing more is on the server.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ ms: number, longestTaskMs: number }>}
 */
function pageInEverything(page) {
  return page.evaluate(async () => {
    const list = /** @type {HTMLElement} */ (document.querySelector('[role=listbox]'));
    const status = () => document.querySelector('p.status')?.textContent ?? '';
    let longestTaskMs = 0;
    const tasks = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
    });
    tasks.observe({ type: 'longtask' });
    const start = performance.now();
    const end = start + 15 * 60_000;
    while (/more on the server|loading more/.test(status()) && performance.now() < end) {
      list.scrollTop = list.scrollHeight;
      await new Promise((done) => setTimeout(done, 10));
    }
    const ms = performance.now() - start;
    tasks.disconnect();
    return { ms, longestTaskMs };
  });
}

/**
 * Scrolls through every loaded row and returns the most rows the probe saw in the DOM.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ maxRows: number, steps: number }>}
 */
function scrollThrough(page) {
  return page.evaluate(async () => {
    const probe = /** @type {any} */ (window).__s3pProbe;
    const list = /** @type {HTMLElement} */ (document.querySelector('[role=listbox]'));
    const frame = () => new Promise((done) => requestAnimationFrame(() => done(undefined)));
    probe.maxRows = 0;
    let steps = 0;
    const at = async (/** @type {number} */ top) => {
      list.scrollTop = top;
      steps++;
      // Two frames: the scroll event re-renders, the next frame shows it.
      await frame();
      await frame();
      probe.maxRows = Math.max(probe.maxRows, list.querySelectorAll('[role=option]').length);
    };
    const bottom = list.scrollHeight - list.clientHeight;
    for (let i = 0; i <= 200; i++) await at((bottom * i) / 200);
    for (let top = bottom / 2; top < bottom / 2 + 300 * 96; top += 96) await at(top);
    await at(0);
    return { maxRows: probe.maxRows, steps };
  });
}

/**
 * Figure 6 in `browser` (the shipped build), for the big folder `location`.
 * @param {import('./browser.mjs').Browser} browser
 * @param {import('./store.mjs').Store['credentials']} credentials
 * @param {{ bucket: string, prefix: string }} location
 * @param {{ opens: number }} options
 * @returns {Promise<BigFolderFigures>}
 */
export async function measureBigFolder(browser, credentials, location, { opens }) {
  await setUpProfile(browser, credentials, location);
  /** @type {number[]} */
  const firstPage = [];
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  let firstStatus = '';
  for (let i = 0; i < opens; i++) {
    await page?.close();
    await clearListingCache(browser);
    page = await openProbedPopup(browser);
    const probe = await waitForFresh(page);
    firstPage.push(probe.firstRow);
    firstStatus = probe.freshStatus;
  }
  if (!page) throw new Error('opens must be at least 1');

  console.log('  paging in every key…');
  let requests = 0;
  const count = (/** @type {import('playwright-core').Request} */ request) => {
    if (request.url().includes('list-type=2')) requests++;
  };
  page.on('request', count);
  const paging = await pageInEverything(page);
  page.off('request', count);
  const loaded = Number(
    (/^([\d,]+) items/.exec((await statusText(page)) ?? '')?.[1] ?? '0').replaceAll(',', ''),
  );
  const scrolled = await scrollThrough(page);

  const filter = page.locator('input.filter');
  await filter.focus();
  const keystroke = async (/** @type {string} */ key) => {
    const before = (await readProbe(page)).keys.length;
    await page.keyboard.press(key);
    await page.waitForFunction(
      (count) => /** @type {any} */ (window).__s3pProbe.keys.length > count,
      before,
      { polling: 20 },
    );
  };
  for (const text of TYPED) {
    for (const key of text) await keystroke(key);
    for (const _ of text) await keystroke('Backspace');
  }
  const { keys } = await readProbe(page);
  await page.close();
  return {
    firstPage,
    firstStatus,
    loaded,
    pagingMs: paging.ms,
    requests,
    longestTaskMs: paging.longestTaskMs,
    maxRows: scrolled.maxRows,
    scrollSteps: scrolled.steps,
    keys,
  };
}
