import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firefoxMissing, lintProblems, stopGroup } from '../../scripts/firefox.mjs';

// The Firefox stages of `npm test` (scripts/firefox.mjs) clean up after themselves: a Ctrl+C during `web-ext run`
// leaves no Firefox and no profile folder; the process group is stopped even when web-ext itself has exited; and
// `web-ext lint` that takes too long ends with a clear line instead of hanging the run.

const FIREFOX_BUILD = resolve(process.env.S3P_OUTPUT ?? '.output', 'firefox-mv3');
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function processesNaming(text: string): string[] {
  const found = spawnSync('pgrep', ['-a', '-f', text], { encoding: 'utf8' });
  return found.stdout.split('\n').filter((line) => line !== '' && !line.startsWith(`${process.pid} `));
}

function killNaming(text: string): void {
  for (const line of processesNaming(text)) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

describe('the Firefox checks', () => {
  it('a Ctrl+C during web-ext run stops Firefox and removes its profile', async () => {
    expect(firefoxMissing()).toBeNull();
    expect(existsSync(join(FIREFOX_BUILD, 'manifest.json')), `no Firefox build in ${FIREFOX_BUILD}`).toBe(
      true,
    );
    const tmp = mkdtempSync(join(tmpdir(), 's3p-firefox-check-'));
    cleanups.push(() => {
      killNaming(tmp);
      rmSync(tmp, { recursive: true, force: true });
    });
    const script = `import('./scripts/firefox.mjs').then((m) => m.installsAsTemporaryAddon(${JSON.stringify(FIREFOX_BUILD)})).then((problem) => { console.log('RESULT', problem); })`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    // Firefox itself is up (its command line names the profile in our TMPDIR), the add-on not yet installed.
    const firefoxRuns = new Promise<void>((done) => {
      const poll = setInterval(() => {
        const running = processesNaming(join(tmp, 's3-presign-firefox-'));
        if (running.some((line) => /^\d+ \S*firefox/.test(line))) {
          clearInterval(poll);
          done();
        }
      }, 20);
      void exited.then(() => clearInterval(poll));
    });
    await Promise.race([firefoxRuns, exited]);
    expect(output).not.toContain('RESULT');
    child.kill('SIGINT');
    expect(await exited, output).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
    await expect.poll(() => processesNaming(tmp), { timeout: 3_000 }).toEqual([]);
  }, 60_000);

  it('stops the whole group even when its leader has already exited', async () => {
    const marker = `s3p-group-check-${process.pid}-${Date.now()}`;
    cleanups.push(() => killNaming(marker));
    // The leader exits at once; a member of its group (standing in for Firefox) keeps running.
    const child = spawn('bash', ['-c', `exec -a ${marker} sleep 60 & exit 0`], {
      detached: true,
      stdio: 'ignore',
    });
    await new Promise((done) => child.on('exit', done));
    expect(processesNaming(marker)).toHaveLength(1);
    await stopGroup(child);
    await expect.poll(() => processesNaming(marker), { timeout: 3_000 }).toEqual([]);
  });

  it('web-ext lint that overruns its time ends with a line saying so', () => {
    expect(lintProblems(FIREFOX_BUILD, { timeoutMs: 50 })).toMatch(
      /^web-ext lint did not finish within 0\.05 s/,
    );
  });
});
