// `npm run demo`: try S3 Presign with no AWS account. Starts a local S3 server (Ceph radosgw when installed: it
// checks signatures; else s3rver from npm, which does not), fills a demo bucket, builds the extension, and opens
// Chromium with it loaded, a demo profile ready and the popup at the demo bucket. Ctrl+C stops everything.
//   --no-build   reuse the existing build in .output/chrome-mv3
//   --headless   Chromium without a window (a check on a machine with no display; the tests use this path too)
//   S3P_DEMO_SERVER=s3rver   use the npm server even where radosgw is installed
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumMissing, launchWithExtension } from './chromium.mjs';
import { presetDemoProfile } from './demo/profile.mjs';
import { startDemoStack } from './demo/stack.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
/** Set once started; stop() closes what exists (a failure part-way stops what had started). */
let chromium;
/** The browser while it starts: a Ctrl+C then waits for it, to close it and remove its profile folder. */
let launching;
let stack;
/** The stack while it starts: a Ctrl+C then aborts it and waits until what it started is stopped. */
let starting;
const aborter = new AbortController();
/** Ends a running build (set while `npx wxt build` runs). */
let stopBuild = () => {};
let stopping = false;

/** Closes the browser (and its profile folder), then the page and the server: each step even if one before failed. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  aborter.abort();
  stopBuild();
  try {
    const browser = chromium ?? (await launching?.catch(() => undefined));
    await browser?.close();
  } finally {
    try {
      const started = stack ?? (await starting?.catch(() => undefined));
      await started?.stop();
    } finally {
      process.exit(code);
    }
  }
}
// Ctrl+C is how the demo is meant to end: exit 0 once everything is stopped.
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

try {
  console.log('Starting a local S3 server and filling demo-bucket…');
  starting = startDemoStack({ log: (line) => console.log(line), signal: aborter.signal });
  stack = await starting;

  if (process.argv.includes('--no-build') && existsSync(join(EXTENSION, 'manifest.json'))) {
    console.log(`Using the existing build in ${EXTENSION}`);
  } else {
    console.log('Building the extension…');
    const build = await runBuild();
    // Stopped by a Ctrl+C: not a failed build, and stop() is ending the demo (it exits the process).
    if (stopping) await new Promise(() => {});
    if (build.signal) {
      console.error(`The build was stopped (${build.signal}). Run  npm run demo  again.`);
      await stop(1);
    } else if (build.status !== 0) {
      console.error('The build failed (above). Fix it, then run  npm run demo  again.');
      await stop(1);
    }
  }

  const headless = process.argv.includes('--headless');
  const hasDisplay = headless || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const noBrowser = hasDisplay
    ? chromiumMissing()
    : 'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.';
  const { server, profile } = stack;
  if (noBrowser) {
    console.log(`\n${noBrowser}`);
    // The server listens on 127.0.0.1 only: a browser elsewhere reaches it through a forward of both ports.
    const ports = [server.endpoint, stack.pageUrl].map((url) => new URL(url).port);
    console.log('Load the build by hand in Chrome or Chromium while the demo runs.');
    console.log(
      `The demo server listens on 127.0.0.1 only: for a browser on another computer, copy ${EXTENSION} there and forward both ports first:`,
    );
    console.log(`  ssh ${ports.map((port) => `-L ${port}:127.0.0.1:${port}`).join(' ')} USER@THIS-MACHINE`);
    console.log('Then:');
    console.log('  1. open chrome://extensions and turn on Developer mode');
    console.log(`  2. click "Load unpacked" and pick ${EXTENSION}`);
    console.log(
      '  3. open S3 Presign (toolbar icon), choose "MinIO, Ceph or other S3-compatible", and enter:',
    );
  } else {
    // handleSignals false: Playwright's own Ctrl+C handler would kill Chromium and exit before stop() runs.
    launching = launchWithExtension(EXTENSION, {
      headless,
      viewport: headless ? undefined : null,
      handleSignals: false,
    });
    chromium = await launching;
    const { context } = chromium;
    await presetDemoProfile(chromium.worker(), stack);
    const tab = context.pages()[0] ?? (await context.newPage());
    await tab.goto(stack.pageUrl);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${chromium.id}/popup.html`);
    await tab.bringToFront();
    context.on('close', () => stop(0));
    console.log(
      `\nTry it: browse ${stack.bucket} in the popup (second tab, or the toolbar icon), right-click a link on the demo page → "Copy pre-signed link", or open a link and press Alt+Shift+L.`,
    );
  }
  console.log(
    `\n  server      ${server.kind}${server.verifiesSignatures ? '' : ' (does NOT check signatures)'}`,
  );
  console.log(`  endpoint    ${server.endpoint}   (path-style, region ${server.region})`);
  console.log(`  access key  ${profile.accessKeyId}`);
  console.log(`  secret key  ${profile.secretAccessKey}   (a throw-away demo user)`);
  console.log(`  demo page   ${stack.pageUrl}\n\nCtrl+C stops everything.`);
} catch (error) {
  // A Ctrl+C while starting aborts the start: stop() is already ending the demo, with nothing to report.
  if (!stopping) {
    console.error(`The demo could not start: ${error instanceof Error ? error.message : error}`);
    await stop(1);
  }
}

/**
 * `npx wxt build` without blocking, so a Ctrl+C meanwhile is handled at once; resolves with how it ended. It runs
 * in its own process group, which stop() ends whole (a Ctrl+C sent to the demo alone must not leave it running).
 */
function runBuild() {
  return new Promise((done) => {
    const child = spawn('npx', ['wxt', 'build'], { stdio: 'inherit', detached: true });
    stopBuild = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    child.on('error', () => done({ status: 1, signal: null }));
    child.on('exit', (status, signal) => {
      stopBuild = () => {};
      done({ status, signal });
    });
  });
}
