// Firefox checks for `npm test`: the build's shape (background page, no offscreen, clipboard from the background,
// gecko id, data-collection declaration), `web-ext lint` finding nothing at all, and `web-ext run` installing the
// build as a temporary add-on in a headless firefox-esr (Playwright cannot drive firefox-esr, see INFRA.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const INSTALL_TIMEOUT_MS = 60_000;
const LINT_TIMEOUT_MS = 120_000;
/** web-ext's own entry point: run by this Node directly, so a timeout or a signal ends web-ext itself, not an npx. */
const WEB_EXT = fileURLToPath(new URL('../node_modules/web-ext/bin/web-ext.js', import.meta.url));

/** One line saying how to get Firefox ESR, or null when it is there. */
export function firefoxMissing() {
  return existsSync(FIREFOX_PATH)
    ? null
    : `Firefox ESR is not installed at ${FIREFOX_PATH}: run  sudo apt-get install -y firefox-esr  (or set FIREFOX_PATH)`;
}

/**
 * What the Firefox build must be (the README's "verified on Firefox"): a background page, not a service worker; no
 * offscreen API or page; the clipboard written by the background itself; the gecko id and the data-collection
 * declaration. Returns the problems found, one line each.
 * @param {string} sourceDir
 * @returns {string[]}
 */
export function firefoxBuildProblems(sourceDir) {
  const manifest = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'));
  const background = manifest.background ?? {};
  const problems = [];
  if (!Array.isArray(background.scripts) || background.scripts.length === 0)
    problems.push('manifest.background.scripts is missing: Firefox needs a background page');
  if (background.service_worker)
    problems.push('manifest.background.service_worker is set: Firefox uses scripts');
  if ((manifest.permissions ?? []).includes('offscreen'))
    problems.push('the "offscreen" permission is asked');
  if (existsSync(join(sourceDir, 'offscreen.html'))) problems.push('offscreen.html is shipped');
  const gecko = manifest.browser_specific_settings?.gecko ?? {};
  if (!gecko.id) problems.push('browser_specific_settings.gecko.id is missing');
  if (!gecko.data_collection_permissions) problems.push('gecko.data_collection_permissions is missing');
  const code = (background.scripts ?? [])
    .map((file) => readFileSync(join(sourceDir, file), 'utf8'))
    .join('\n');
  if (!code.includes('navigator.clipboard.writeText'))
    problems.push('the background does not write the clipboard itself');
  if (code.includes('chrome.offscreen')) problems.push('the background calls chrome.offscreen');
  return problems;
}

/**
 * Runs `web-ext lint` on a build; resolves to an error line when it reports any error, warning or notice, or
 * when it cannot run or takes longer than `timeoutMs` (default 120 s).
 * @param {string} sourceDir
 * @param {{ timeoutMs?: number }} [options]
 * @returns {string | null}
 */
export function lintProblems(sourceDir, { timeoutMs = LINT_TIMEOUT_MS } = {}) {
  const run = spawnSync(
    process.execPath,
    [WEB_EXT, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'],
    { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) {
    const timedOut = /** @type {NodeJS.ErrnoException} */ (run.error).code === 'ETIMEDOUT';
    return timedOut
      ? `web-ext lint did not finish within ${timeoutMs / 1000} s on ${sourceDir} (stopped). Run  npx web-ext lint -s ${sourceDir}  by hand to see where it hangs.`
      : `web-ext lint could not run (${run.error.message}): run  npm ci  to install web-ext.`;
  }
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return `web-ext lint printed no JSON report (exit ${run.status}): ${run.stderr || run.stdout}`;
  }
  const { errors, warnings, notices } = report.summary;
  for (const problem of [...report.errors, ...report.warnings, ...report.notices]) {
    console.error(
      `  ${problem._type} ${problem.code} ${problem.file ?? ''}:${problem.line ?? ''} ${problem.message}`,
    );
  }
  console.log(`web-ext lint ${sourceDir}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  return errors + warnings + notices === 0
    ? null
    : `web-ext lint found ${errors} errors, ${warnings} warnings and ${notices} notices in ${sourceDir} (listed above)`;
}

/**
 * Starts `web-ext run` with headless Firefox ESR and waits for its "Installed … as a temporary add-on" line,
 * then stops web-ext and its Firefox (their whole process group). Resolves to null on success, else why not.
 * @param {string} sourceDir
 * @returns {Promise<string | null>}
 */
export function installsAsTemporaryAddon(sourceDir) {
  const profile = mkdtempSync(join(tmpdir(), 's3-presign-firefox-'));
  const child = spawn(
    process.execPath,
    [
      WEB_EXT,
      'run',
      '--source-dir',
      sourceDir,
      `--firefox=${FIREFOX_PATH}`,
      '--arg=-headless',
      `--firefox-profile=${profile}`,
      // Firefox uses this throw-away folder itself: without it web-ext copies it to a temp folder of its own,
      // which a stop by SIGKILL would leave behind.
      '--keep-profile-changes',
      '--no-input',
      '--no-reload',
    ],
    // Its own process group, so stopping it stops Firefox and its content processes too.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // Ctrl+C (or a kill) while it runs: the group is detached, so the terminal's SIGINT does not reach Firefox.
  // End the group and remove the profile now, then exit as the signal would have.
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    stopGroup(child).finally(() => {
      removeProfile();
      process.exit(128 + constants.signals[signal]);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', removeProfile);
  return new Promise((done) => {
    let settled = false;
    const finish = (problem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopGroup(child).then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        process.off('exit', removeProfile);
        removeProfile();
        done(problem);
      });
    };
    const timer = setTimeout(
      () =>
        finish(
          `web-ext run did not report "Installed … as a temporary add-on" within ${INSTALL_TIMEOUT_MS / 1000} s. Its output:\n${output}`,
        ),
      INSTALL_TIMEOUT_MS,
    );
    const read = (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
      if (/Installed .* as a temporary add-on/.test(output)) finish(null);
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.on('exit', (code) =>
      finish(`web-ext run exited (code ${code}) before installing the add-on:\n${output}`),
    );
  });
}

/**
 * Sends a signal to a detached child's whole process group.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} name
 */
function signalGroup(child, name) {
  try {
    process.kill(-(/** @type {number} */ (child.pid)), name);
  } catch {
    // The group is already gone.
  }
}

/**
 * SIGINT lets web-ext close Firefox itself; whatever is left after 5 s gets SIGKILL. The group is signalled even
 * when web-ext has already exited: a Firefox of that group may still run.
 * @param {import('node:child_process').ChildProcess} child
 */
export async function stopGroup(child) {
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((done) => child.once('exit', done));
  signalGroup(child, 'SIGINT');
  const timeout = new Promise((done) => setTimeout(() => done('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') signalGroup(child, 'SIGKILL');
  // Firefox's own processes share the group: make sure none outlives web-ext.
  await new Promise((done) => setTimeout(done, 300));
  signalGroup(child, 'SIGKILL');
}
