// `npm test`: every check, in the order that fails fastest, with the time each stage took.
// lint+format → typecheck → unit → build (Chrome, Firefox) → Firefox (web-ext lint, web-ext run) → integration
// (radosgw) → e2e (Chromium + radosgw).
// Under CI=true a missing radosgw, Chromium or Firefox ESR fails the run; elsewhere it skips those stages with
// one line saying how to install them, and the run still exits non-zero so nothing passes by being skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumMissing } from './chromium.mjs';
import { firefoxBuildProblems, firefoxMissing, installsAsTemporaryAddon, lintProblems } from './firefox.mjs';
import { radosgwMissing } from './radosgw.mjs';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const FIREFOX_BUILD = resolve(process.env.S3P_OUTPUT ?? '.output', 'firefox-mv3');

mkdirSync('.tmp', { recursive: true });
const vitest = (project) => [
  'npx',
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=.tmp/vitest-${project}.json`,
];

const stages = [
  { name: 'lint + format (biome)', command: ['npx', 'biome', 'check', '.'] },
  { name: 'typecheck (tsc)', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'unit tests', command: vitest('unit'), report: 'unit' },
  { name: 'build chrome-mv3', command: ['npx', 'wxt', 'build'] },
  { name: 'build firefox-mv3', command: ['npx', 'wxt', 'build', '-b', 'firefox'] },
  // A background page, no offscreen, the clipboard from the background, gecko id, data-collection declaration.
  { name: 'firefox: build shape', run: async () => firefoxBuildProblems(FIREFOX_BUILD).join('; ') || null },
  // 0 errors, 0 warnings, 0 notices: the store's reviewers run the same linter.
  { name: 'firefox: web-ext lint', run: async () => lintProblems(FIREFOX_BUILD) },
  {
    name: 'firefox: web-ext run (headless ESR)',
    run: () => installsAsTemporaryAddon(FIREFOX_BUILD),
    needs: [firefoxMissing()],
  },
  {
    name: 'integration tests (radosgw)',
    command: vitest('integration'),
    report: 'integration',
    needs: [radosgwMissing()],
  },
  {
    name: 'e2e tests (Chromium + radosgw)',
    command: vitest('e2e'),
    report: 'e2e',
    needs: [radosgwMissing(), chromiumMissing()],
  },
];

const results = [];
let failed = false;
for (const stage of stages) {
  const missing = (stage.needs ?? []).filter(Boolean);
  if (missing.length > 0) {
    for (const line of missing) console.error(`\n✖ ${stage.name} cannot run: ${line}`);
    results.push({ ...stage, status: CI ? 'FAILED (missing dependency)' : 'NOT RUN', seconds: 0 });
    failed = true;
    continue;
  }
  console.log(`\n▶ ${stage.name}${stage.command ? `: ${stage.command.join(' ')}` : ''}`);
  // An earlier run's report must not be counted if this run dies before writing its own.
  if (stage.report) rmSync(`.tmp/vitest-${stage.report}.json`, { force: true });
  const started = performance.now();
  let ok;
  if (stage.run) {
    // In-process checks resolve to null, or to a line saying what is wrong.
    const problem = await stage.run();
    if (problem) console.error(`\n✖ ${stage.name}: ${problem}`);
    ok = problem === null;
  } else {
    ok = spawnSync(stage.command[0], stage.command.slice(1), { stdio: 'inherit' }).status === 0;
  }
  const seconds = (performance.now() - started) / 1000;
  results.push({ ...stage, status: ok ? 'ok' : 'FAILED', seconds });
  if (!ok) {
    failed = true;
    if (CI || !stage.report) break;
  }
}

let passed = 0;
let failures = 0;
// Tests that did not run because their file failed to set up (a failing beforeAll) count as failed too.
let notRun = 0;
console.log('\nstage                                   result        seconds');
for (const result of results) {
  console.log(`${result.name.padEnd(40)}${result.status.padEnd(14)}${result.seconds.toFixed(1).padStart(7)}`);
  if (result.report && existsSync(`.tmp/vitest-${result.report}.json`) && result.seconds > 0) {
    const report = JSON.parse(readFileSync(`.tmp/vitest-${result.report}.json`, 'utf8'));
    passed += report.numPassedTests;
    failures += report.numFailedTests;
    notRun += report.numPendingTests + report.numTodoTests;
  }
}
console.log(
  `\ntests: ${passed} passed, ${failures} failed${notRun ? `, ${notRun} not run (a file failed to set up)` : ''}`,
);
process.exit(failed ? 1 : 0);
