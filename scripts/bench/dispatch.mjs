// Figure 3: the keyboard shortcut (command `copy-presigned-link`) → the signed link on the clipboard, in the
// shipped build. Real key presses cannot reach a headless browser, but the real listener runs when the command
// is dispatched inside the service worker (INFRA.md). Both ends are timed inside the browser: the worker reads
// the clock just before dispatching, a loopback page polls the clipboard and reads it when the link lands, so
// Playwright's round trips are not counted.
//
// Cold: Chrome stops idle workers; the next command first starts the worker (its script runs and registers the
// listeners), then runs the listener with empty in-memory caches. A command cannot be sent to a stopped worker
// from outside, so cold is measured in two timed parts that add up to the same path:
//   start: worker stopped through CDP (as Chrome stops an idle one) → an extension event (a runtime message from
//          an extension page) → the fresh worker has run its script and received the event;
//   first command: dispatch → link on the clipboard, in that fresh worker, before anything else ran in it.

/** @typedef {import('./browser.mjs').Browser} Browser */

export const COMMAND = 'copy-presigned-link';
const TIMEOUT_MS = 10_000;

/**
 * Dispatches the command in the worker and returns how long until the clipboard holds a new link.
 * @param {Browser} browser
 * @returns {Promise<{ ms: number, link: string }>}
 */
export async function timeCommand(browser) {
  const marker = `bench-marker-${Date.now()}-${Math.random()}`;
  const clipboard = browser.clipboardPage;
  await clipboard.evaluate((text) => navigator.clipboard.writeText(text), marker);
  // The poll starts (and is awaited later) before the command is dispatched, so it never misses the change.
  await clipboard.evaluate(
    ([text, timeoutMs]) => {
      const end = performance.now() + timeoutMs;
      /** @type {any} */ (window).__benchCopied = (async () => {
        for (;;) {
          const now = await navigator.clipboard.readText();
          const at = performance.timeOrigin + performance.now();
          if (now !== text) return { at, text: now };
          if (performance.now() > end) return { at, text: now, timedOut: true };
        }
      })();
    },
    /** @type {const} */ ([marker, TIMEOUT_MS]),
  );
  const startedAt = await browser.worker().evaluate((command) => {
    const at = performance.timeOrigin + performance.now();
    // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
    chrome.commands.onCommand.dispatch(command);
    return at;
  }, COMMAND);
  const copied = await clipboard.evaluate(() => /** @type {any} */ (window).__benchCopied);
  if (copied.timedOut || !copied.text.startsWith('http')) {
    throw new Error(
      `The command put no link on the clipboard within ${TIMEOUT_MS} ms (it holds: ${copied.text})`,
    );
  }
  return { ms: copied.at - startedAt, link: copied.text };
}

/**
 * Follows the extension's service worker through CDP, to stop it as Chrome stops an idle one.
 * @param {Browser} browser
 */
export async function workerControl(browser) {
  // Any extension page has chrome.runtime; manifest.json runs none of the extension's own code.
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.id}/manifest.json`);
  const cdp = await browser.context.newCDPSession(page);
  /** @type {Map<string, string>} */
  const status = new Map();
  let changed = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(`chrome-extension://${browser.id}/`)) {
        status.set(version.versionId, version.runningStatus);
      }
    }
    changed();
  });
  /** @param {() => boolean} accept @param {string} what */
  const until = (accept, what) =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      changed = () => {
        if (!accept()) return;
        clearTimeout(timer);
        changed = () => {};
        done(undefined);
      };
      changed();
    });
  const running = () => [...status].find(([, state]) => state === 'running')?.[0];
  await cdp.send('ServiceWorker.enable');
  await until(() => running() !== undefined, 'running worker');

  return {
    /** Stops the worker; resolves once Chrome reports it stopped. */
    async stop() {
      const versionId = /** @type {string} */ (running());
      await browser.worker().evaluate(() => {
        /** @type {any} */ (globalThis).__benchOldContext = true;
      });
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await until(() => status.get(versionId) === 'stopped', 'stop');
    },
    /**
     * Wakes the stopped worker with a runtime message it has no handler for, timed in the extension page:
     * the promise settles once the fresh worker has run its script and received the message.
     * `workerCreatedMs`: when the fresh worker's global came to be, from the same start (a check that the
     * message did wait for it).
     * @returns {Promise<{ ms: number, workerCreatedMs: number }>}
     */
    async wake() {
      const { ms, start } = await page.evaluate(async () => {
        const start = performance.timeOrigin + performance.now();
        await chrome.runtime.sendMessage({ bench: 'wake' }).catch(() => undefined);
        return { ms: performance.timeOrigin + performance.now() - start, start };
      });
      // Playwright keeps one worker handle and swaps its context: wait until evaluate reaches the fresh one.
      const end = Date.now() + TIMEOUT_MS;
      for (;;) {
        const old = await browser
          .worker()
          .evaluate(() => /** @type {any} */ (globalThis).__benchOldContext === true)
          .catch(() => true);
        if (!old) {
          const createdAt = await browser.worker().evaluate(() => performance.timeOrigin);
          return { ms, workerCreatedMs: createdAt - start };
        }
        if (Date.now() > end) throw new Error('the worker did not come back after the wake-up message');
        await new Promise((done) => setTimeout(done, 20));
      }
    },
    async close() {
      await cdp.detach();
      await page.close();
    },
  };
}

/**
 * Figure 3: warm and cold shortcut → clipboard times, with the links it copied.
 * @param {Browser} browser
 * @param {{ objectUrl: string, warmRuns: number, coldRuns: number }} options
 */
export async function measureDispatch(browser, { objectUrl, warmRuns, coldRuns }) {
  // Opened first: the shortcut signs the active tab, which must stay the object's.
  const control = await workerControl(browser);
  const tab = await browser.context.newPage();
  await tab.goto(objectUrl);
  await tab.bringToFront();

  // The very first copy also creates the offscreen document that writes the clipboard.
  const first = await timeCommand(browser);
  const warm = [];
  for (let i = 0; i < warmRuns; i++) warm.push((await timeCommand(browser)).ms);

  /** @param {boolean} closeOffscreen */
  const coldRun = async (closeOffscreen) => {
    if (closeOffscreen) {
      await browser.worker().evaluate(() => chrome.offscreen.closeDocument().catch(() => undefined));
    }
    await control.stop();
    const wake = await control.wake();
    const command = await timeCommand(browser);
    return {
      start: wake.ms,
      workerCreated: wake.workerCreatedMs,
      command: command.ms,
      total: wake.ms + command.ms,
      link: command.link,
    };
  };
  const cold = [];
  const coldNoOffscreen = [];
  for (let i = 0; i < coldRuns; i++) {
    cold.push(await coldRun(false));
    coldNoOffscreen.push(await coldRun(true));
  }
  await control.close();
  await tab.close();
  return { firstMs: first.ms, warm, cold, coldNoOffscreen, link: first.link };
}
