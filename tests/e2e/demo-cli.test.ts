import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRadosgw } from '../../scripts/radosgw.mjs';
import { EXTENSION_DIR } from '../support/chromium';

// `npm run demo` itself (scripts/demo.mjs), as a user runs it: started in its own process group, stopped with
// Ctrl+C (SIGINT to the whole group, as a terminal sends it) once ready and while it is still seeding. Each run
// gets its own TMPDIR, so everything it creates (Chromium's profile, radosgw's cluster, s3rver's folder) is in
// one place: afterwards that folder must be empty and no process may still name it or belong to the group.

interface DemoRun {
  child: ChildProcess;
  tmp: string;
  output(): string;
  /** Resolves once a line matching `pattern` is printed; rejects if the demo exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const runs: DemoRun[] = [];

function startDemo(
  server: 'radosgw' | 's3rver',
  { build = false, outDir }: { build?: boolean; outDir?: string } = {},
): DemoRun {
  const tmp = mkdtempSync(join(tmpdir(), 's3p-demo-cli-'));
  const args = ['scripts/demo.mjs', ...(build ? [] : ['--no-build']), '--headless'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, TMPDIR: tmp, S3P_DEMO_SERVER: server, ...(outDir ? { S3P_OUTPUT: outDir } : {}) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const read = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const run: DemoRun = {
    child,
    tmp,
    output: () => output,
    waitFor: (pattern, timeoutMs) =>
      new Promise((done, fail) => {
        const check = (): void => {
          if (!pattern.test(output)) return;
          listeners.delete(check);
          clearTimeout(timer);
          done();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(new Error(`no ${pattern} within ${timeoutMs / 1000} s; the demo printed:\n${output}`));
        }, timeoutMs);
        void exited.then(({ code }) => {
          if (!listeners.has(check)) return;
          listeners.delete(check);
          clearTimeout(timer);
          fail(new Error(`the demo exited (code ${code}) before ${pattern}:\n${output}`));
        });
        listeners.add(check);
        check();
      }),
    exited,
  };
  runs.push(run);
  return run;
}

/** Pids of the processes whose command line names `text`, with that command line. */
function processesNaming(text: string): { pid: number; command: string }[] {
  const found = spawnSync('pgrep', ['-a', '-f', text], { encoding: 'utf8' });
  return found.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ pid: Number(line.split(' ')[0]), command: line.slice(line.indexOf(' ') + 1) }))
    .filter(({ pid }) => pid !== process.pid);
}

function processesChildrenOf(parent: number): number[] {
  const found = spawnSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean).map(Number);
}

function processesInGroup(group: number): number[] {
  const found = spawnSync('pgrep', ['-g', String(group)], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean).map(Number);
}

/** Gone, or a zombie waiting for its parent: either way no longer running. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Ctrl+C in the terminal: SIGINT to the demo's whole process group. */
async function interrupt(run: DemoRun): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  process.kill(-(run.child.pid as number), 'SIGINT');
  return run.exited;
}

function expectNothingLeft(run: DemoRun): void {
  expect(readdirSync(run.tmp), 'folders the demo left in its TMPDIR').toEqual([]);
  expect(processesNaming(run.tmp).map(({ command }) => command)).toEqual([]);
  expect(processesInGroup(run.child.pid as number)).toEqual([]);
}

/**
 * Finds the radosgw cluster's daemons (by the TMPDIR in their command line) and notes when each stops; the
 * returned function ends the watch and gives those times (ms).
 */
function watchDaemons(run: DemoRun): () => Record<string, number> {
  const found = processesNaming(run.tmp);
  const daemon = (name: string): number => {
    const match = found.find(({ command }) => command.split(' ')[0]?.endsWith(`/${name}`));
    expect(match, `${name} in ${JSON.stringify(found)}`).toBeDefined();
    return match?.pid as number;
  };
  const pids = { radosgw: daemon('radosgw'), osd: daemon('ceph-osd'), mon: daemon('ceph-mon') };
  const goneAt: Record<string, number> = {};
  const started = performance.now();
  const poll = (): void => {
    for (const [name, pid] of Object.entries(pids))
      if (!(name in goneAt) && !running(pid)) goneAt[name] = performance.now() - started;
  };
  const timer = setInterval(poll, 5);
  return () => {
    clearInterval(timer);
    poll();
    return goneAt;
  };
}

/** Gateway, then OSD, then monitor, one after the other: not all killed together by the exit hook. */
function expectStoppedInOrder(goneAt: Record<string, number>): void {
  expect(Object.keys(goneAt).sort()).toEqual(['mon', 'osd', 'radosgw']);
  expect(goneAt.radosgw, JSON.stringify(goneAt)).toBeLessThanOrEqual(goneAt.osd as number);
  expect(goneAt.mon, JSON.stringify(goneAt)).toBeGreaterThan(goneAt.osd as number);
}

beforeAll(() => {
  expect(existsSync(join(EXTENSION_DIR, 'manifest.json')), `no build in ${EXTENSION_DIR}`).toBe(true);
});

afterEach(() => {
  // Only what this file started: the demo's group, and processes naming its own TMPDIR.
  for (const run of runs.splice(0)) {
    for (const pid of [
      ...processesInGroup(run.child.pid as number),
      ...processesNaming(run.tmp).map((p) => p.pid),
    ]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(run.tmp, { recursive: true, force: true });
  }
});

describe('npm run demo, stopped with Ctrl+C', () => {
  it('once ready (radosgw, headless Chromium): exits 0, stops the daemons in order, leaves nothing', async () => {
    const run = startDemo('radosgw');
    await run.waitFor(/Ctrl\+C stops everything\./, 90_000);
    expect(run.output()).toMatch(/Try it: browse demo-bucket/);
    expect(run.output()).toMatch(/server {6}radosgw/);
    // What runs now: Chromium on a profile in the TMPDIR, and the cluster's daemons.
    expect(processesNaming(run.tmp).some(({ command }) => command.includes('chromium'))).toBe(true);
    const stopped = watchDaemons(run);
    const { code } = await interrupt(run);
    expect(code, run.output()).toBe(0);
    expectStoppedInOrder(stopped());
    expect(run.output()).not.toMatch(/could not start|failed/);
    expectNothingLeft(run);
  }, 120_000);

  it.each(['s3rver', 'radosgw'] as const)(
    'while seeding demo-bucket (%s): exits 0, stops the server, leaves nothing',
    async (server) => {
      const run = startDemo(server);
      await run.waitFor(/^S3 server: /m, 90_000);
      const stopped = server === 'radosgw' ? watchDaemons(run) : undefined;
      const { code } = await interrupt(run);
      expect(code, run.output()).toBe(0);
      if (stopped) expectStoppedInOrder(stopped());
      // It really was seeding: no "Seeded …" line, no browser, and no failure reported for the interrupted start.
      expect(run.output()).not.toMatch(/Seeded \d+ objects/);
      expect(run.output()).not.toMatch(/could not start|Try it/);
      expectNothingLeft(run);
    },
    120_000,
  );
});

describe('npm run demo, stopped with Ctrl+C while it builds', () => {
  it('stops the build (its own process group) and the server, says no "build failed", leaves nothing', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 's3p-demo-cli-build-'));
    try {
      const run = startDemo('s3rver', { build: true, outDir });
      await run.waitFor(/Building the extension…/, 60_000);
      // The build's npx, started by the demo in a group of its own.
      let builder: number | undefined;
      await expect
        .poll(() => (builder = processesChildrenOf(run.child.pid as number)[0]), { timeout: 10_000 })
        .toBeDefined();
      const { code } = await interrupt(run);
      expect(code, run.output()).toBe(0);
      expect(run.output()).not.toMatch(/build failed|build was stopped|could not start/);
      expectNothingLeft(run);
      await expect.poll(() => processesInGroup(builder as number), { timeout: 5_000 }).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("radosgw's stop(), called twice at once (the demo's Ctrl+C and radosgw's own SIGINT handler)", () => {
  it('the second call waits until every daemon has stopped and the folder is gone', async () => {
    const baseDir = mkdtempSync(join(tmpdir(), 's3p-demo-cli-'));
    try {
      const rgw = await startRadosgw({ baseDir, sts: false });
      const first = rgw.stop();
      await rgw.stop();
      expect(Object.values(rgw.pids).filter(running)).toEqual([]);
      expect(readdirSync(baseDir)).toEqual([]);
      await first;
    } finally {
      for (const { pid } of processesNaming(baseDir)) process.kill(pid, 'SIGKILL');
      rmSync(baseDir, { recursive: true, force: true });
    }
  }, 60_000);
});
