// `npm run demo`: try S3 Presign with no AWS account. Starts a local S3 server (Ceph radosgw when installed: it
// checks signatures; else s3rver from npm, which does not), fills a demo bucket, builds the extension, and opens
// Chromium with it loaded, a demo profile ready and the popup at the demo bucket. Ctrl+C stops everything.
//   --no-build   reuse the existing build in .output/chrome-mv3
//   --headless   Chromium without a window (a check on a machine with no display; the tests use this path too)
//   S3P_DEMO_SERVER=s3rver   use the npm server even where radosgw is installed
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumMissing, launchWithExtension } from './chromium.mjs';
import { presetDemoProfile } from './demo/profile.mjs';
import { startDemoStack } from './demo/stack.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
/** Set once started; stop() closes what exists (a failure part-way stops what had started). */
let chromium;
let stack;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  await chromium?.close();
  await stack?.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  console.log('Starting a local S3 server and filling demo-bucket…');
  stack = await startDemoStack({ log: (line) => console.log(line) });

  if (process.argv.includes('--no-build') && existsSync(join(EXTENSION, 'manifest.json'))) {
    console.log(`Using the existing build in ${EXTENSION}`);
  } else {
    console.log('Building the extension…');
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
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
    console.log('Load the build by hand in Chrome or Chromium on a machine with a screen:');
    console.log('  1. open chrome://extensions and turn on Developer mode');
    console.log(`  2. click "Load unpacked" and pick ${EXTENSION}`);
    console.log(
      '  3. open S3 Presign (toolbar icon), choose "MinIO, Ceph or other S3-compatible", and enter:',
    );
  } else {
    chromium = await launchWithExtension(EXTENSION, { headless, viewport: headless ? undefined : null });
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
  console.error(`The demo could not start: ${error instanceof Error ? error.message : error}`);
  await stop(1);
}
