// Debian's Chromium, headless, with one build of the extension loaded (see /work/shared/INFRA.md), plus a
// loopback page allowed to read the clipboard: extension pages cannot be granted that.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @typedef {object} Browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {() => import('playwright-core').Worker} worker  the current service worker handle
 * @property {string} id  the extension id
 * @property {string} version  Chromium's version
 * @property {import('playwright-core').Page} clipboardPage  on http://127.0.0.1, allowed to read the clipboard
 * @property {() => Promise<void>} close
 */

/** One line saying how to get Chromium, or null when it is there. */
export function chromiumMissing() {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium is not installed at ${CHROMIUM_PATH}: run  sudo apt-get install -y chromium  (or set CHROMIUM_PATH)`;
}

/**
 * Starts Chromium headless with the unpacked extension in `extensionDir`.
 * @param {string} extensionDir
 * @returns {Promise<Browser>}
 */
export async function launch(extensionDir) {
  const profileDir = await mkdtemp(join(tmpdir(), 's3-presign-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  context.on('serviceworker', (started) => {
    worker = started;
  });
  const id = new URL(worker.url()).host;

  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>clipboard reader</title>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const clipboardPage = await context.newPage();
  await clipboardPage.goto(origin);

  return {
    context,
    worker: () => worker,
    id,
    version: context.browser()?.version() ?? (await chromeVersion(worker)),
    clipboardPage,
    async close() {
      await context.close();
      server.close();
      await rm(profileDir, { recursive: true, force: true });
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
