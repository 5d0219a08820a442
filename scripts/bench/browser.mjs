// The benchmark's browser: Debian's Chromium, headless, with one build of the extension loaded and a loopback
// page allowed to read the clipboard (the launcher is shared with the e2e tests: ../chromium.mjs).

import { launchWithExtension, openClipboardPage } from '../chromium.mjs';

export { chromiumMissing } from '../chromium.mjs';

/**
 * @typedef {object} Browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {() => import('playwright-core').Worker} worker  the current service worker handle
 * @property {string} id  the extension id
 * @property {string} version  Chromium's version
 * @property {import('playwright-core').Page} clipboardPage  on http://127.0.0.1, allowed to read the clipboard
 * @property {() => Promise<void>} close
 */

/**
 * Starts Chromium headless with the unpacked extension in `extensionDir`.
 * @param {string} extensionDir
 * @returns {Promise<Browser>}
 */
export async function launch(extensionDir) {
  const chromium = await launchWithExtension(extensionDir);
  const clipboard = await openClipboardPage(chromium.context);
  return {
    context: chromium.context,
    worker: chromium.worker,
    id: chromium.id,
    version: chromium.context.browser()?.version() ?? (await chromeVersion(chromium.worker())),
    clipboardPage: clipboard.page,
    async close() {
      await chromium.close();
      await clipboard.close();
    },
  };
}

/**
 * Chromium's version from the worker's user agent (a persistent context has no Browser object).
 * @param {import('playwright-core').Worker} worker
 */
async function chromeVersion(worker) {
  const agent = await worker.evaluate(() => navigator.userAgent);
  return /Chrome\/([\d.]+)/.exec(agent)?.[1] ?? 'unknown';
}
