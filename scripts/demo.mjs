// `npm run demo`: try S3 Presign with no AWS account. Starts a local S3 server that checks signatures (Ceph
// radosgw), fills a demo bucket, builds the extension, and opens Chromium with it loaded and a demo profile
// ready. Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { chromiumMissing, launchWithExtension } from './chromium.mjs';
import { radosgwMissing, startRadosgw } from './radosgw.mjs';
import { s3Client } from './s3-client.mjs';

const EXTENSION = resolve(process.env.S3P_OUTPUT ?? '.output', 'chrome-mv3');
const BUCKET = 'demo-bucket';
/** Set once started; stop() closes what exists (a failed build stops before either does). */
let chromium;
let server;

const missing = radosgwMissing();
if (missing) {
  console.error(`The demo needs a local S3 server. ${missing}`);
  process.exit(1);
}

console.log('Starting a local S3 server (Ceph radosgw, checks every signature)…');
const s3 = await startRadosgw({ sts: false });
const owner = s3.users.owner;
const client = s3Client(s3, owner);
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
<h1>S3 Presign demo</h1><p>Right-click a link, choose <b>Copy pre-signed link</b> and an expiry, then paste the link anywhere.</p>
<ul>${Object.keys(samples)
  .map(
    (key) => `<li><a href="${objectUrl(key)}">${key.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</a></li>`,
  )
  .join('')}
</ul>
<p><code>s3://${BUCKET}/invoices/2026/INV-0042 ACME.pdf</code>: browsers offer no menu on <code>s3://</code> links; paste it into the popup’s <i>Paste a link</i> (an AWS profile signs it).</p>`;
server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.end(page);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const pageUrl = `http://127.0.0.1:${server.address().port}/`;

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const noBrowser = hasDisplay ? chromiumMissing() : 'No display here, so no browser window can open.';
if (noBrowser) {
  console.log(`\n${noBrowser}`);
  console.log(
    'Load the extension by hand: open chrome://extensions, turn on Developer mode, "Load unpacked",',
  );
  console.log(`and pick ${EXTENSION}. Then add a profile in the popup with:`);
} else {
  chromium = await launchWithExtension(EXTENSION, { headless: false, viewport: null });
  const { context } = chromium;
  const profile = {
    id: 'demo',
    name: 'Demo (local radosgw)',
    accessKeyId: owner.accessKeyId,
    secretAccessKey: owner.secretAccessKey,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    defaultBucket: BUCKET,
  };
  // The same keys and shapes as utils/adapters/storage.ts (WXT keeps each item's version beside it).
  await chromium.worker().evaluate(
    ([value, bucket]) =>
      chrome.storage.local.set({
        profiles: [value],
        profiles$: { v: 1 },
        preferences: {
          defaultExpiresIn: 3600,
          lastProfileId: value.id,
          lastLocation: { [value.id]: { bucket, prefix: '' } },
        },
        preferences$: { v: 1 },
      }),
    [profile, BUCKET],
  );
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(pageUrl);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${chromium.id}/popup.html`);
  await tab.bringToFront();
  context.on('close', () => stop(0));
  console.log(
    `\nChromium is open with S3 Presign and a demo profile. Try: browse ${BUCKET} in the popup (the toolbar`,
  );
  console.log(
    'icon, or Alt+Shift+S), right-click a link on the demo page, or press Alt+Shift+L on an object tab.',
  );
}
console.log(`\n  endpoint    ${s3.endpoint}   (path-style, region ${s3.region})`);
console.log(`  access key  ${owner.accessKeyId}`);
console.log(`  secret key  ${owner.secretAccessKey}   (a throw-away demo user)`);
console.log(`  demo page   ${pageUrl}\n\nCtrl+C stops everything.`);

async function stop(code) {
  await chromium?.close();
  server?.close();
  await s3.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
