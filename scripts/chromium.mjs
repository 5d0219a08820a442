// Debian's Chromium with one build of the extension loaded (see /work/shared/INFRA.md), shared by the e2e tests,
// the benchmark, the screenshots and the demo, plus a loopback page allowed to read the clipboard: extension
// pages cannot be granted that.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One line saying how to get Chromium, or null when it is there. */
export function chromiumMissing() {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium is not installed at ${CHROMIUM_PATH}: run  sudo apt-get install -y chromium  (or set CHROMIUM_PATH)`;
}

/** Flags that keep a headless run quiet and repeatable: no background fetches, updates, sync or QUIC. */
const HEADLESS_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts Chromium with the unpacked extension in `extensionDir`, in a new profile folder removed by close().
 * @param {string} extensionDir
 * @param {import('./chromium.d.mts').LaunchOptions} [options]
 * @returns {Promise<import('./chromium.d.mts').LaunchedChromium>}
 */
export async function launchWithExtension(extensionDir, options = {}) {
  const { headless = true, colorScheme, viewport, handleSignals = true } = options;
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build in ${extensionDir}: run  npm run build  first.`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 's3-presign-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    ...(colorScheme ? { colorScheme } : {}),
    ...(viewport !== undefined ? { viewport } : {}),
    // false: the caller's own signal handlers close the browser (and remove the profile folder); Playwright's
    // would kill it and exit first, leaving the folder behind.
    ...(handleSignals ? {} : { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false }),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(headless ? HEADLESS_ARGS : ['--no-first-run']),
    ],
  });
  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  context.on('serviceworker', (started) => {
    worker = started;
  });
  return {
    context,
    worker: () => worker,
    id: new URL(worker.url()).host,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A page on http://127.0.0.1 with clipboard permissions; close() stops its server.
 * @param {import('playwright-core').BrowserContext} context
 * @returns {Promise<import('./chromium.d.mts').ClipboardPage>}
 */
export async function openClipboardPage(context) {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><title>clipboard reader</title>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(origin);
  return {
    page,
    read: () => page.evaluate(() => navigator.clipboard.readText()),
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}
