// `npm run bench`: how fast S3 Presign is, measured in headless Chromium on built extensions. Not a test: it
// prints figures and never fails on timing (only when something cannot be measured at all).
//
//   1. µs per GET link through presign(), against the WebCrypto floor (digest + HMAC) and the AWS SDK
//   2. 10,000 links at once
//   3. shortcut → link on the clipboard, warm and cold service worker
//   4. popup open → the cached listing of the folder it reopens in, and → the fresh one from radosgw
//   5. gzip bytes of the popup's initial JS, its lazily loaded chunks, and the background
//   6. a folder of 100,000 keys: popup open → first rows, rows in the DOM while scrolling, filter keystroke
//
// Two builds, both under .output-bench/: `shipped` is exactly what `npm run build` makes (figures 3 to 6);
// `bench-page` adds entrypoints/bench (S3P_BENCH=1), a page bundling the same utils/presign.ts, where figures
// 1 and 2 run. radosgw (a local S3 that verifies signatures) proves the measured links are valid ones, and
// holds the folders figures 4 and 6 list (seeded on every run: radosgw keeps its data in memory).
//
// Options: --no-build (reuse the builds), --quick (fewer rounds), --keys N (figure 6's folder holds N keys,
// default 100,000; fewer for a quick run), --profile (CPU profile of presign(), top functions printed),
// --save (also write scripts/bench/results/latest.{json,md}, the copy kept in git).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { radosgwMissing } from '../radosgw.mjs';
import { chromiumMissing, launch } from './browser.mjs';
import { measureDispatch } from './dispatch.mjs';
import { measurePopupFigures } from './popup-figures.mjs';
import { profilePresign } from './profile.mjs';
import { markdownTable, textTable } from './report.mjs';
import { rowsAndFigures } from './rows.mjs';
import { measureBulk, measureSigning, openBenchPage } from './signing.mjs';
import { buildSizes, sdkMarkersIn } from './sizes.mjs';
import { startStore } from './store.mjs';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const KEYS = keysOption(process.argv.slice(2));
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = join(ROOT, '.output-bench');
const SHIPPED = join(OUTPUT, 'shipped');
const BENCH_PAGE = join(OUTPUT, 'bench-page');
const BULK_COUNT = 10_000;

/**
 * The number of keys `--keys N` (or `--keys=N`) asks figure 6 to seed; 100,000 without it.
 * @param {string[]} argv
 */
function keysOption(argv) {
  const at = argv.findIndex((arg) => arg === '--keys' || arg.startsWith('--keys='));
  if (at === -1) return 100_000;
  const text = argv[at]?.includes('=') ? argv[at]?.slice('--keys='.length) : argv[at + 1];
  const keys = Number(text?.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(keys) || keys < 1)
    throw new Error(`--keys wants a whole number of keys, not ${text}`);
  return keys;
}

/** @param {string} what @param {Record<string, string>} env */
function build(what, env) {
  console.log(`▶ build (${what})`);
  const run = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout);
    process.stderr.write(run.stderr);
    throw new Error(`wxt build (${what}) failed`);
  }
}

/** @param {string} file */
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Whether S3 accepts a link's signature: 200, or 404 NoSuchKey for an object that does not exist (S3 checks
 * the signature first); a bad signature gets 403.
 * @param {string} url
 */
async function accepted(url) {
  const response = await fetch(url);
  const body = await response.text();
  return response.status === 200 || (response.status === 404 && body.includes('NoSuchKey'));
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function commit() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
  return `${head.stdout.trim() || 'unknown'}${dirty.stdout.trim() ? ' (uncommitted changes)' : ''}`;
}

async function main() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const loadBefore = os.loadavg()[0] ?? 0;
  const started = Date.now();

  if (!args.has('--no-build')) {
    build('shipped', { S3P_OUTPUT: SHIPPED, S3P_BENCH: '' });
    build('with the bench page', { S3P_OUTPUT: BENCH_PAGE, S3P_BENCH: '1' });
  }
  const shippedDir = join(SHIPPED, 'chrome-mv3');
  const benchDir = join(BENCH_PAGE, 'chrome-mv3');
  for (const dir of [shippedDir, benchDir]) {
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(`No build in ${dir}: run without --no-build`);
  }
  if (existsSync(join(shippedDir, 'bench.html'))) throw new Error('The shipped build holds the bench page');
  // The background is built on its own, so the bench page cannot change it; checked rather than assumed.
  const sameBackground =
    sha256(join(shippedDir, 'background.js')) === sha256(join(benchDir, 'background.js'));

  console.log('▶ figure 5: build sizes');
  const sizes = buildSizes(shippedDir);

  const store = await startStore({ missing: radosgwMissing() });
  /** @type {import('./browser.mjs').Browser[]} */
  const browsers = [];
  try {
    const signingCase = {
      ...store.credentials,
      expiresIn: 3_600,
      bucket: store.bucket,
      key: store.signedKey,
    };

    console.log('▶ figures 1–2: signing, in the bench page');
    const withPage = await launch(benchDir);
    browsers.push(withPage);
    const page = await openBenchPage(withPage);
    const signing = await measureSigning(page, signingCase, { rounds: QUICK ? 7 : 21, batchMs: 25 });
    const bulk = await measureBulk(page, signingCase, BULK_COUNT, QUICK ? 3 : 7);
    const profile = args.has('--profile') ? await profilePresign(withPage, page, benchDir, signingCase) : [];
    const chromium = withPage.version;
    await withPage.close();

    console.log('▶ figure 3: shortcut → clipboard, in the shipped build');
    const shipped = await launch(shippedDir);
    browsers.push(shipped);
    await shipped.worker().evaluate((profile) => chrome.storage.local.set({ profiles: [profile] }), {
      id: 'bench',
      name: 'bench',
      ...store.credentials,
      forcePathStyle: true,
    });
    const dispatch = await measureDispatch(shipped, {
      objectUrl: store.objectUrl(store.copiedKey),
      warmRuns: QUICK ? 8 : 25,
      coldRuns: QUICK ? 3 : 9,
    });
    await shipped.close();

    const popup = store.verifies
      ? await measurePopupFigures(shippedDir, store, { keys: KEYS, quick: QUICK })
      : 'needs radosgw';
    if (typeof popup === 'string') console.warn(`! figures 4 and 6 not measured: ${popup}`);

    const checks = {
      presignMatchesSdkPresigner: signing.sameAsSdkPresigner,
      backgroundSameInBothBuilds: sameBackground,
      backgroundWithoutSdkClient: sdkMarkersIn(shippedDir, ['background.js']).length === 0,
      popupInitialWithoutSdkClient:
        sdkMarkersIn(
          shippedDir,
          sizes.popupInitial.files.map((file) => file.file),
        ).length === 0,
      ...(store.verifies
        ? {
            signedLinkAccepted: await accepted(signing.sampleUrl),
            bulkLinkAccepted: await accepted(bulk.sampleUrl),
            copiedLinkAccepted: await accepted(dispatch.link),
          }
        : {}),
    };

    const result = rowsAndFigures({ signing, bulk, dispatch, sizes, popup });
    const info = {
      date: new Date().toISOString(),
      machine: { ...machine(), chromium, loadAverage: { before: loadBefore, after: os.loadavg()[0] ?? 0 } },
      commit: commit(),
      s3: store.verifies ? 'radosgw (verifies signatures)' : `none: ${store.why}`,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    const m = info.machine;
    const machineLine = `${info.date.slice(0, 16)}Z · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB · ${m.os} · Chromium ${chromium} · Node ${m.node} · load ${m.loadAverage.before.toFixed(1)}→${m.loadAverage.after.toFixed(1)}`;

    console.log(`\nS3 Presign benchmark — ${machineLine}\n`);
    console.log(textTable(result.rows));
    console.log(
      '\nchecks:',
      Object.entries(checks)
        .map(([name, ok]) => `${name} ${ok ? 'yes' : 'NO'}`)
        .join(', '),
    );
    if (!store.verifies) console.log(`(links not verified: ${store.why})`);
    if (profile.length > 0) {
      console.log('\npresign() CPU profile, self time (10,000 links, one after another):');
      for (const entry of profile) console.log(`${entry.percent.toFixed(1).padStart(5)} %  ${entry.name}`);
    }

    // Three decimals are well below the noise; the rest only makes files hard to compare.
    const json = JSON.stringify(
      { schema: 1, ...info, rows: result.rows, figures: result.figures, checks },
      (_key, value) => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value),
      2,
    );
    const markdown = markdownTable(result.rows, machineLine);
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    writeFileSync(join(ROOT, '.tmp/bench.json'), `${json}\n`);
    writeFileSync(join(ROOT, '.tmp/bench.md'), markdown);
    const written = ['.tmp/bench.json', '.tmp/bench.md'];
    if (args.has('--save')) {
      mkdirSync(join(ROOT, 'scripts/bench/results'), { recursive: true });
      writeFileSync(join(ROOT, 'scripts/bench/results/latest.json'), `${json}\n`);
      writeFileSync(join(ROOT, 'scripts/bench/results/latest.md'), markdown);
      // The kept copy is in the repository, so it must pass `npm run check` like every other file.
      spawnSync('npx', ['biome', 'format', '--write', 'scripts/bench/results'], { cwd: ROOT });
      written.push('scripts/bench/results/latest.json', 'scripts/bench/results/latest.md');
    }
    console.log(`\nwritten: ${written.join(', ')} (${info.seconds} s)`);
    if (Object.values(checks).some((ok) => !ok)) process.exitCode = 1;
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await store.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
