// Figure 4: popup open → the cached listing on screen, and → the fresh listing from radosgw in its place, in the
// shipped build. The profile reopens in a folder visited before: one real visit first (the popup lists the
// folder and writes its cache, as a user's earlier visit would), then every measured open paints that cache at
// once and refreshes it from the server. Each open is a new page, as each toolbar click is a new popup document;
// times come from the probe (popup-probe.mjs), from navigation start in the popup's own clock.
//
// Then the same opens with the cache full: the listing cache keeps up to 40 folders in one storage item, and
// the popup reads all of it to paint one, so 39 other folders of the same size are added (as 40 visits leave
// it) to show what a long-used popup pays.

import { cachedObjects, openProbedPopup, readProbe, setUpProfile, waitForFresh } from './popup-probe.mjs';

/** As many folders as the listing cache keeps (CACHE_MAX_ENTRIES in utils/listing-cache.ts). */
export const FULL_CACHE_ENTRIES = 40;

/**
 * @typedef {{ firstRow: number, rowFrame: number, fresh: number, domInteractive: number,
 *   domContentLoaded: number, content: number }} PaintRun
 * @typedef {{ runs: PaintRun[], visit: PaintRun, cachedRows: number, freshStatus: string,
 *   fullCache: { entries: number, runs: PaintRun[] } }} PaintFigures
 */

/**
 * One open, timed; `cached` says whether the first rows shown had to be the cached ones.
 * @param {import('./browser.mjs').Browser} browser
 * @param {boolean} cached
 * @returns {Promise<PaintRun & { freshStatus: string }>}
 */
async function timedOpen(browser, cached) {
  const page = await openProbedPopup(browser);
  try {
    const probe = await waitForFresh(page);
    if (cached && !/refreshing/.test(probe.firstRowStatus)) {
      throw new Error(`The first rows were not the cached listing (status: ${probe.firstRowStatus})`);
    }
    // rowFrame lands a frame after the rows: wait for it rather than read it too early.
    await page.waitForFunction(() => /** @type {any} */ (window).__s3pProbe.rowFrame >= 0, undefined, {
      polling: 50,
    });
    const { rowFrame } = await readProbe(page);
    const { domInteractive, domContentLoaded } = await page.evaluate(() => {
      const timing = /** @type {PerformanceNavigationTiming | undefined} */ (
        performance.getEntriesByType('navigation')[0]
      );
      return {
        domInteractive: timing?.domInteractive ?? -1,
        domContentLoaded: timing?.domContentLoadedEventEnd ?? -1,
      };
    });
    return {
      firstRow: probe.firstRow,
      rowFrame,
      fresh: probe.fresh,
      domInteractive,
      domContentLoaded,
      content: probe.content,
      freshStatus: probe.freshStatus,
    };
  } finally {
    await page.close();
  }
}

/**
 * Adds copies of the visited folder's cache entry under other folders, older, until the cache is full.
 * @param {import('./browser.mjs').Browser} browser
 * @param {string} visitedKey  the cache key of the visited folder
 */
function fillCache(browser, visitedKey) {
  return browser.worker().evaluate(
    async ([key, entries]) => {
      // One `listing:KEY` entry per folder plus the `listingIndex` of fetch times (utils/adapters/listing-store.ts).
      const stored = await chrome.storage.local.get([`listing:${key}`, 'listingIndex']);
      const visited = /** @type {any} */ (stored[`listing:${key}`]);
      const index = /** @type {Record<string, string>} */ (stored.listingIndex ?? {});
      /** @type {Record<string, unknown>} */
      const added = {};
      for (let i = 1; i < entries; i++) {
        const folder = `older-${i}/`;
        const fetchedAt = new Date(Date.parse(visited.fetchedAt) - i * 60_000).toISOString();
        added[`listing:${key}${folder}`] = {
          ...visited,
          objects: visited.objects.map((/** @type {{ key: string }} */ object) => ({
            ...object,
            key: object.key.replace(/^(.*\/)/, `$1${folder}`),
          })),
          fetchedAt,
        };
        index[`${key}${folder}`] = fetchedAt;
      }
      await chrome.storage.local.set({ ...added, listingIndex: index });
    },
    /** @type {const} */ ([visitedKey, FULL_CACHE_ENTRIES]),
  );
}

/**
 * Figure 4 in `browser` (the shipped build): a visit to `location` fills the cache, then `runs` timed opens,
 * then `fullCacheRuns` more with the cache full.
 * @param {import('./browser.mjs').Browser} browser
 * @param {import('./store.mjs').Store['credentials']} credentials
 * @param {{ bucket: string, prefix: string }} location
 * @param {{ runs: number, fullCacheRuns: number }} options
 * @returns {Promise<PaintFigures>}
 */
export async function measurePopupPaint(browser, credentials, location, { runs, fullCacheRuns }) {
  const profileId = await setUpProfile(browser, credentials, location);
  // The earlier visit: no cache yet, so this open lists from the server and writes the cache.
  const { freshStatus, ...visit } = await timedOpen(browser, false);
  const cachedRows = await cachedObjects(browser, location.bucket, location.prefix);
  if (cachedRows === 0) throw new Error('The visit left no cached listing behind');

  /** @param {number} count */
  const opens = async (count) => {
    /** @type {PaintRun[]} */
    const measured = [];
    for (let i = 0; i < count; i++) {
      const { freshStatus: _status, ...run } = await timedOpen(browser, true);
      measured.push(run);
    }
    return measured;
  };
  const measured = await opens(runs);
  await fillCache(browser, `${profileId}|${location.bucket}|${location.prefix}`);
  const full = await opens(fullCacheRuns);
  return {
    runs: measured,
    visit,
    cachedRows,
    freshStatus,
    fullCache: { entries: FULL_CACHE_ENTRIES, runs: full },
  };
}
