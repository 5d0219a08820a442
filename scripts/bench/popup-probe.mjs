// What figures 4 and 6 read inside the popup. The popup is opened as a page (chrome-extension://ID/popup.html,
// INFRA.md) with a probe installed by page.addInitScript, so it runs before any of the popup's own scripts and
// every time it reads is performance.now() in the popup itself: milliseconds since navigation start (the
// document's time origin), with no Playwright round trip counted.
//
// - A MutationObserver on the whole document checks, after every batch of DOM changes (a microtask after
//   Preact commits, before the frame is painted), how many `[role=option]` rows are in the DOM and what the
//   status line says. The first batch with a row is "first rows"; the first batch with rows and a status
//   that says neither "refreshing" nor "Loading" is "fresh". `rowFrame` is when the frame that paints the
//   first rows starts (the next requestAnimationFrame callback): the DOM time plus the wait for that frame.
//   `content` is the first batch with a <main> no longer aria-busy: the popup has read its profiles and
//   settings and rendered for real (the rows cannot come before it).
// - A keystroke in the filter box is timed from its keydown's event.timeStamp (when the browser received the
//   key) to the end of the `input` event's dispatch, seen by a listener on window in the bubble phase: the
//   popup's own listener on the filter box has run before it, and so has Preact's render (a microtask, run
//   as that listener returns). There the probe forces style and layout (getBoundingClientRect), so `rendered`
//   covers delivering the key, filtering, Preact's diff and DOM changes, style and layout: the work a
//   keystroke costs, without the wait for the next frame. `frame` is when the frame after it has run (a task
//   queued from its requestAnimationFrame callback): that adds the wait for vsync (up to 16.7 ms) and paint.

/**
 * @typedef {{ key: string, start: number, rendered: number, frame: number, shown: number }} Keystroke
 * @typedef {{ content: number, firstRow: number, firstRowStatus: string, rowFrame: number, fresh: number,
 *   freshStatus: string, maxRows: number, keys: Keystroke[], alert: string }} Probe
 */

/** Runs in the popup at document start (serialized by Playwright: it must not use anything from outside). */
export function installProbe() {
  /** @type {Probe} */
  const probe = {
    content: -1,
    firstRow: -1,
    firstRowStatus: '',
    rowFrame: -1,
    fresh: -1,
    freshStatus: '',
    maxRows: 0,
    keys: [],
    alert: '',
  };
  /** @type {any} */ (window).__s3pProbe = probe;
  const observe = () => {
    const rows = document.querySelectorAll('[role=option]').length;
    if (rows > probe.maxRows) probe.maxRows = rows;
    const status = document.querySelector('p.status')?.textContent ?? '';
    const alert = document.querySelector('[role=alert]')?.textContent ?? '';
    if (alert) probe.alert = alert;
    if (probe.content < 0 && document.querySelector('main:not([aria-busy])'))
      probe.content = performance.now();
    if (rows > 0 && probe.firstRow < 0) {
      probe.firstRow = performance.now();
      probe.firstRowStatus = status;
      requestAnimationFrame(() => {
        probe.rowFrame = performance.now();
      });
    }
    if (rows > 0 && probe.fresh < 0 && status !== '' && !/refreshing|Loading/.test(status)) {
      probe.fresh = performance.now();
      probe.freshStatus = status;
    }
  };
  new MutationObserver(observe).observe(document, { childList: true, subtree: true, characterData: true });

  /** @type {Keystroke | undefined} */
  let pending;
  addEventListener(
    'keydown',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.classList.contains('filter'))
        pending = { key: event.key, start: event.timeStamp, rendered: -1, frame: -1, shown: -1 };
    },
    true,
  );
  addEventListener('input', () => {
    const stroke = pending;
    pending = undefined;
    if (!stroke) return;
    document.querySelector('[role=listbox]')?.getBoundingClientRect();
    stroke.rendered = performance.now() - stroke.start;
    stroke.shown = document.querySelectorAll('[role=option]').length;
    requestAnimationFrame(() =>
      setTimeout(() => {
        stroke.frame = performance.now() - stroke.start;
        probe.keys.push(stroke);
      }, 0),
    );
  });
}

/**
 * Opens the popup as a page with the probe in it; resolves once navigation has committed.
 * @param {import('./browser.mjs').Browser} browser
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openProbedPopup(browser) {
  const page = await browser.context.newPage();
  await page.addInitScript(installProbe);
  await page.goto(`chrome-extension://${browser.id}/popup.html`, { waitUntil: 'commit' });
  return page;
}

/**
 * The probe's readings so far.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Probe>}
 */
export function readProbe(page) {
  return page.evaluate(() => /** @type {any} */ (window).__s3pProbe);
}

/**
 * Waits until the probe has seen the listing come fresh from the server (or an error).
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function waitForFresh(page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const probe = /** @type {any} */ (window).__s3pProbe;
      return probe && (probe.fresh >= 0 || probe.alert !== '');
    },
    undefined,
    { timeout, polling: 50 },
  );
  const probe = await readProbe(page);
  if (probe.fresh < 0) throw new Error(`The popup showed an error instead of the listing: ${probe.alert}`);
  return probe;
}

const PROFILE_ID = 'bench';

/**
 * Puts the bench profile in storage, opening the popup at `location` next time, and clears the listing cache.
 * @param {import('./browser.mjs').Browser} browser
 * @param {import('./store.mjs').Store['credentials']} credentials
 * @param {{ bucket: string, prefix: string }} location
 * @returns {Promise<string>} the profile's id
 */
export async function setUpProfile(browser, credentials, location) {
  const profile = { id: PROFILE_ID, name: 'bench', ...credentials, forcePathStyle: true };
  await clearListingCache(browser);
  await browser.worker().evaluate(
    ([saved, at]) =>
      chrome.storage.local.set({
        profiles: [saved],
        preferences: { defaultExpiresIn: 3600, lastProfileId: saved.id, lastLocation: { [saved.id]: at } },
      }),
    /** @type {const} */ ([profile, location]),
  );
  return PROFILE_ID;
}

/**
 * Forgets every cached listing, so the next open lists from the server only.
 * @param {import('./browser.mjs').Browser} browser
 */
export function clearListingCache(browser) {
  return browser.worker().evaluate(async () => {
    // Each folder is its own `listing:KEY` entry, indexed by `listingIndex` (utils/adapters/listing-store.ts).
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((key) => key.startsWith('listing')));
  });
}

/**
 * How many objects the listing cache holds for `prefix` (0 when it has no entry for it).
 * @param {import('./browser.mjs').Browser} browser
 * @param {string} bucket
 * @param {string} prefix
 */
export function cachedObjects(browser, bucket, prefix) {
  return browser.worker().evaluate(
    async ([key]) => {
      const entry = (await chrome.storage.local.get(`listing:${key}`))[`listing:${key}`];
      return /** @type {any} */ (entry)?.objects?.length ?? 0;
    },
    /** @type {const} */ ([`${PROFILE_ID}|${bucket}|${prefix}`]),
  );
}
