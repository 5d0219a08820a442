// Firefox checks for `npm test`: the build's shape (background page, no offscreen, clipboard from the background,
// gecko id, data-collection declaration), `web-ext lint` finding nothing at all, and `web-ext run` installing the
// build as a temporary add-on in a headless firefox-esr (Playwright cannot drive firefox-esr, see INFRA.md).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const INSTALL_TIMEOUT_MS = 60_000;

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
 * Runs `web-ext lint` on a build; resolves to an error line when it reports any error, warning or notice.
 * @param {string} sourceDir
 * @returns {string | null}
 */
export function lintProblems(sourceDir) {
  const run = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'],
    {
      encoding: 'utf8',
    },
  );
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
    'npx',
    [
      'web-ext',
      'run',
      '--source-dir',
      sourceDir,
      `--firefox=${FIREFOX_PATH}`,
      '--arg=-headless',
      `--firefox-profile=${profile}`,
      '--no-input',
      '--no-reload',
    ],
    // Its own process group, so stopping it stops Firefox and its content processes too.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((done) => {
    let settled = false;
    const finish = (problem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopGroup(child).then(() => {
        rmSync(profile, { recursive: true, force: true });
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

/** SIGINT lets web-ext close Firefox itself; whatever is left after 5 s gets SIGKILL. */
async function stopGroup(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGINT');
  const timeout = new Promise((done) => setTimeout(() => done('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') signal('SIGKILL');
  // Firefox's own processes share the group: make sure none outlives web-ext.
  await new Promise((done) => setTimeout(done, 300));
  signal('SIGKILL');
}
