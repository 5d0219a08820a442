import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchWithExtension, openClipboardPage } from '../../scripts/chromium.mjs';

export { CHROMIUM_PATH, chromiumMissing } from '../../scripts/chromium.mjs';
export const EXTENSION_DIR = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  /** A loopback page that was granted clipboard access: extension pages cannot be. */
  clipboardPage: Page;
  /** Reads the system clipboard through that page. */
  readClipboard(): Promise<string>;
  /**
   * Stops the service worker as Chrome does when it goes idle (its JS context is destroyed; storage, the
   * registration and the enabled extension survive), wakes a fresh one with an extension event, and resolves
   * once evaluate() runs in the fresh context. Playwright keeps ONE Worker handle across the restart (it
   * swaps the execution context underneath), so the handle returned is the same object as before.
   */
  restartWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Starts Debian's Chromium headless with the built extension loaded, as INFRA.md describes. */
export async function loadExtension(): Promise<LoadedExtension> {
  const chromium = await launchWithExtension(EXTENSION_DIR);
  const clipboard = await openClipboardPage(chromium.context);
  return {
    context: chromium.context,
    get worker(): Worker {
      return chromium.worker();
    },
    id: chromium.id,
    clipboardPage: clipboard.page,
    readClipboard: clipboard.read,
    async restartWorker(): Promise<Worker> {
      return restartServiceWorker(chromium.context, chromium.id, chromium.worker());
    },
    async close(): Promise<void> {
      await chromium.close();
      await clipboard.close();
    },
  };
}

const RESTART_TIMEOUT_MS = 10_000;

/**
 * Stops the extension's service worker with CDP ServiceWorker.stopWorker (the same stop Chrome applies to an
 * idle worker; chrome.runtime.reload() would instead disable an unpacked extension), then wakes it with a
 * runtime message from an extension page. A sentinel put into the old context proves the new one is fresh.
 */
async function restartServiceWorker(context: BrowserContext, id: string, worker: Worker): Promise<Worker> {
  const sentinel = `restart-${Date.now()}-${Math.random()}`;
  await worker.evaluate((value) => {
    (globalThis as { __restartSentinel?: string }).__restartSentinel = value;
  }, sentinel);

  // Any extension page has chrome.runtime; manifest.json runs none of the extension's own code.
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/manifest.json`);
    const cdp = await context.newCDPSession(page);
    const status = new Map<string, string>();
    let changed = (): void => {};
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL.startsWith(`chrome-extension://${id}/`)) {
          status.set(version.versionId, version.runningStatus);
        }
      }
      changed();
    });
    const until = (accept: () => boolean, what: string): Promise<void> =>
      new Promise((done, fail) => {
        const timer = setTimeout(() => {
          changed = () => {};
          fail(
            new Error(
              `restartWorker: no ${what} within ${RESTART_TIMEOUT_MS} ms: ${JSON.stringify([...status])}`,
            ),
          );
        }, RESTART_TIMEOUT_MS);
        changed = () => {
          if (!accept()) return;
          clearTimeout(timer);
          changed = () => {};
          done();
        };
        changed();
      });
    const running = (): string | undefined => [...status].find(([, state]) => state === 'running')?.[0];

    await cdp.send('ServiceWorker.enable');
    await until(() => running() !== undefined, 'running worker');
    const versionId = running() as string;
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await until(() => status.get(versionId) === 'stopped', 'stop');
    // Any extension event starts the worker again; the background ignores messages it has no handler for.
    await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
    await until(() => status.get(versionId) === 'running', 'restart');
    await cdp.detach();
  } finally {
    await page.close();
  }

  // Same handle, new context: wait until evaluate lands in the context that never saw the sentinel.
  const end = Date.now() + RESTART_TIMEOUT_MS;
  for (;;) {
    const seen = await worker
      .evaluate(() => (globalThis as { __restartSentinel?: string }).__restartSentinel)
      .catch(() => sentinel);
    if (seen === undefined) return worker;
    if (Date.now() > end) throw new Error('restartWorker: evaluate still reaches the stopped context');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Polls until `read` returns a value that `accept` takes, or fails after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > end) throw new Error(`Timed out waiting; last value: ${String(last)}`);
    await new Promise((done) => setTimeout(done, 100));
    last = await read();
  }
  return last;
}

/** Dispatches a context-menu click inside the worker: headless Chromium cannot open a real context menu. */
export async function dispatchMenuClick(
  worker: Worker,
  menuItemId: string,
  info: { linkUrl?: string; pageUrl?: string },
): Promise<void> {
  await worker.evaluate(
    ([id, extra]) => {
      const click = { menuItemId: id, editable: false, pageUrl: 'http://127.0.0.1/', ...extra };
      // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
      chrome.contextMenus.onClicked.dispatch(click, { id: 1, index: 0, url: click.pageUrl });
    },
    [menuItemId, info] as const,
  );
}

/** Dispatches a command (a keyboard shortcut) inside the worker: headless Chromium takes no key presses. */
export async function dispatchCommand(worker: Worker, name: string): Promise<void> {
  await worker.evaluate((command) => {
    // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
    chrome.commands.onCommand.dispatch(command);
  }, name);
}

export interface ShownNotification {
  title: string;
  message: string;
}

/** Records the notifications the worker shows from now on; a restarted worker records nothing. */
export async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const seen: unknown[] = [];
    (globalThis as { shownNotifications?: unknown[] }).shownNotifications = seen;
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
    // The extension calls it through the polyfill, which looks the function up at each call.
    (chrome.notifications as { create: unknown }).create = (...args: unknown[]) => {
      seen.push(args[1]);
      return create(...args);
    };
  });
}

/** The last notification recorded since recordNotifications(). */
export function lastNotification(worker: Worker): Promise<ShownNotification | undefined> {
  return worker.evaluate(() =>
    (globalThis as { shownNotifications?: ShownNotification[] }).shownNotifications?.at(-1),
  );
}
