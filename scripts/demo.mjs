// `npm run demo`: try S3 Presign with no AWS account. Starts a local S3 server that checks signatures (Ceph
// radosgw), fills a demo bucket, builds the extension, and opens Chromium with it loaded and a demo profile
// ready. Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { chromium } from 'playwright-core';
import { radosgwMissing, startRadosgw } from './radosgw.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
const BUCKET = 'demo-bucket';

const missing = radosgwMissing();
if (missing) {
  console.error(`The demo needs a local S3 server. ${missing}`);
  process.exit(1);
}

console.log('Starting a local S3 server (Ceph radosgw, checks every signature)…');
const s3 = await startRadosgw({ sts: false });
const owner = s3.users.owner;
const client = new S3Client({
  endpoint: s3.endpoint,
  region: s3.region,
  forcePathStyle: true,
  credentials: { accessKeyId: owner.accessKeyId, secretAccessKey: owner.secretAccessKey },
});
await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
const samples = {
  'invoices/2026/INV-0042 ACME.pdf': ['%PDF-1.4\n% demo invoice\n', 'application/pdf'],
  'images/logo.png': [readFileSync('public/icon/128.png'), 'image/png'],
  'docs/résumé (final).txt': [
    'A file name with accents, spaces and parentheses.\n',
    'text/plain; charset=utf-8',
  ],
  '日本語/こんにちは.txt': ['こんにちは\n', 'text/plain; charset=utf-8'],
  'videos/review cut+v2.mp4': [Buffer.alloc(64 * 1024), 'video/mp4'],
};
for (const [key, [body, type]] of Object.entries(samples)) {
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: type }));
}
const objectUrl = (key) => `${s3.endpoint}/${BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`;

if (process.argv.includes('--no-build') && existsSync(join(EXTENSION, 'manifest.json'))) {
  console.log('Using the existing build in .output/chrome-mv3');
} else {
  console.log('Building the extension…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) await stop(1);
}

// A page of plain links to right-click, served from loopback.
const page = `<!doctype html><meta charset="utf-8"><title>S3 Presign demo</title>
<h1>S3 Presign demo</h1><p>Right-click a link and choose <b>Copy pre-signed link</b>, then paste it anywhere.</p>
<ul>${Object.keys(samples)
  .map(
    (key) => `<li><a href="${objectUrl(key)}">${key.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</a></li>`,
  )
  .join('')}
<li><a href="s3://${BUCKET}/invoices/2026/INV-0042%20ACME.pdf">s3://${BUCKET}/invoices/2026/INV-0042 ACME.pdf</a> (an AWS-style URI: needs an AWS profile)</li></ul>`;
const server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(page);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const pageUrl = `http://127.0.0.1:${server.address().port}/`;

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
let context;
const profileDir = mkdtempSync(join(tmpdir(), 's3-presign-demo-'));
if (!hasDisplay || !existsSync(CHROMIUM)) {
  console.log(
    `\n${hasDisplay ? `No Chromium at ${CHROMIUM}.` : 'No display here, so no browser window can open.'}`,
  );
  console.log(
    'Load the extension by hand: open chrome://extensions, turn on Developer mode, "Load unpacked",',
  );
  console.log(`and pick ${EXTENSION}. Then add a profile in the popup with:`);
} else {
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-first-run'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const profile = {
    id: 'demo',
    name: 'Demo (local radosgw)',
    accessKeyId: owner.accessKeyId,
    secretAccessKey: owner.secretAccessKey,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
  };
  // The same keys and shapes as utils/adapters/storage.ts (WXT keeps each item's version beside it).
  await worker.evaluate(
    (value) =>
      chrome.storage.local.set({
        profiles: [value],
        profiles$: { v: 1 },
        preferences: { defaultExpiresIn: 3600, lastProfileId: value.id },
        preferences$: { v: 1 },
      }),
    profile,
  );
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(pageUrl);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  await tab.bringToFront();
  context.on('close', () => stop(0));
  console.log(
    '\nChromium is open with S3 Presign and a demo profile. Try: right-click a link on the demo page,',
  );
  console.log(
    'press Alt+Shift+L on an object tab, or paste a link into the popup (the extension’s toolbar icon).',
  );
}
console.log(`\n  endpoint    ${s3.endpoint}   (path-style, region ${s3.region})`);
console.log(`  access key  ${owner.accessKeyId}`);
console.log(`  secret key  ${owner.secretAccessKey}   (a throw-away demo user)`);
console.log(`  demo page   ${pageUrl}\n\nCtrl+C stops everything.`);

async function stop(code) {
  await context?.close().catch(() => undefined);
  server.close();
  await s3.stop();
  rmSync(profileDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
