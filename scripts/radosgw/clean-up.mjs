// Clean-up, including after a crash: exit and signal handlers for the running instances, and the reaping of
// what a killed earlier run left behind.

import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from './helpers.mjs';

/** @typedef {import('./processes.mjs').Daemon} Daemon */

/** Prefix of each instance directory; also how a later run recognises the leftovers of a killed one. */
export const DIR_PREFIX = 'radosgw-test-';

/** @type {Set<{ dir: string, daemons: Daemon[], stop: () => Promise<void> }>} */
export const running = new Set();
let handlersInstalled = false;

/** Last resort when the process exits without stop(): kill the daemons synchronously, drop the directories. */
function killAllNow() {
  for (const instance of running) {
    for (const { child } of instance.daemons) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(instance.dir, { recursive: true, force: true });
  }
  running.clear();
}

/** @param {NodeJS.Signals} signal */
async function onSignal(signal) {
  await Promise.allSettled([...running].map((instance) => instance.stop()));
  process.off(signal, onSignal); // in case stop() had nothing to stop
  // End the way an uncaught signal would (exit code 128 + signal number), unless someone else (e.g. vitest)
  // listens for it too and so decides. Re-raising the signal does not work: Node keeps catching it for a while.
  if (process.listenerCount(signal) === 0) process.exit(128 + os.constants.signals[signal]);
}

export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Once the last instance is stopped, leave the process's signal handling as it was. */
export function removeExitHandlers() {
  if (!handlersInstalled || running.size > 0) return;
  handlersInstalled = false;
  process.off('exit', killAllNow);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

/**
 * Notes who owns this instance and its daemons' pids, for reapStaleInstances() of a later run.
 * @param {string} dir
 * @param {Daemon[]} daemons
 */
export async function recordPids(dir, daemons) {
  const info = { owner: process.pid, pids: daemons.map((daemon) => daemon.child.pid) };
  await writeFile(path.join(dir, 'instance.json'), JSON.stringify(info));
}

/**
 * Removes what an earlier run left behind when it was killed too hard to clean up (SIGKILL, OOM): its daemons
 * and its directory. A pid is only killed if it still runs a Ceph binary against that instance's ceph.conf.
 * @param {string} parent
 */
export function reapStaleInstances(parent) {
  /** @type {string[]} */
  let entries = [];
  try {
    entries = readdirSync(parent).filter((entry) => entry.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(parent, entry);
    /** @type {{ owner: number, pids: number[] }} */
    let info;
    try {
      info = JSON.parse(readFileSync(path.join(dir, 'instance.json'), 'utf8'));
    } catch {
      continue; // still starting (no daemon yet), or not ours
    }
    if (isAlive(info.owner)) continue;
    for (const pid of info.pids) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmdline.includes(path.join(dir, 'ceph.conf'))) process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
