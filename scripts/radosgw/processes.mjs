// Processes: running Ceph's tools, and starting, stopping and waiting for its daemons.

import { execFile, spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { sleep, tail } from './helpers.mjs';
import { INSTALL_HINT, which } from './radosgw-missing.mjs';

/**
 * @typedef {import('./index.mjs').RadosgwUser} RadosgwUser
 * @typedef {{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<void>, logFile: string }} Daemon
 */

const READY_TIMEOUT_MS = 90_000;
const COMMAND_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/**
 * Absolute path of a Ceph binary, so a PATH without /usr/sbin or the like does not matter.
 * @param {string} name
 */
function binary(name) {
  const found = which(name);
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** The environment minus what would point Ceph's tools at another cluster or add arguments to every call. */
function cephEnv() {
  const { CEPH_ARGS: _args, CEPH_CONF: _conf, ...env } = process.env;
  return env;
}

/**
 * Runs a Ceph command line tool against this cluster and returns its stdout.
 * @param {string} dir
 * @param {string} bin
 * @param {string[]} args
 */
export function run(dir, bin, args) {
  return /** @type {Promise<string>} */ (
    new Promise((resolve, reject) => {
      execFile(
        binary(bin),
        ['-c', path.join(dir, 'ceph.conf'), ...args],
        { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: cephEnv() },
        (error, stdout, stderr) => {
          if (error) {
            reject(new Error(`${bin} ${args.join(' ')} failed: ${error.message}\n${stderr}`.trim()));
          } else {
            resolve(stdout);
          }
        },
      );
    })
  );
}

/**
 * @param {string} dir
 * @param {RadosgwUser} user
 * @param {string[]} [extra] more radosgw-admin arguments
 */
export async function createUser(dir, user, extra = []) {
  await run(dir, 'radosgw-admin', [
    'user',
    'create',
    `--uid=${user.uid}`,
    `--display-name=${user.uid}`,
    `--access-key=${user.accessKeyId}`,
    `--secret-key=${user.secretAccessKey}`,
    ...extra,
  ]);
}

/**
 * Starts a daemon in the foreground (-f) so its pid is ours to wait on and kill. It gets its own process group
 * so a Ctrl+C in the terminal reaches only us, and we stop the daemons in order.
 * @param {string} dir
 * @param {string} name  e.g. 'mon.a'; also names the file its stdout/stderr go to
 * @param {string} bin
 * @param {string[]} args
 * @returns {Promise<Daemon>}
 */
export async function startDaemon(dir, name, bin, args) {
  const out = await open(path.join(dir, 'log', `${name}.out`), 'a');
  const child = spawn(binary(bin), ['-f', '-c', path.join(dir, 'ceph.conf'), ...args], {
    detached: true,
    stdio: ['ignore', out.fd, out.fd],
    env: cephEnv(),
  });
  await out.close();
  const exited = new Promise((resolve) => {
    child.once('exit', () => resolve(undefined));
    child.once('error', () => resolve(undefined));
  });
  return { name, child, exited, logFile: path.join(dir, 'log', `${name}.log`) };
}

/**
 * SIGTERM, then SIGKILL if it is still there after a grace period; resolves once the process is gone.
 * @param {Daemon} daemon
 */
export async function stopDaemon(daemon) {
  const { child, exited } = daemon;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Resolves with a description of the first daemon that exits, so a wait can fail fast instead of timing out.
 * @param {Daemon[]} daemons
 */
function firstDeath(daemons) {
  return Promise.race(
    daemons.map(async (daemon) => {
      await daemon.exited;
      const how = daemon.child.signalCode ?? `code ${daemon.child.exitCode}`;
      return `${daemon.name} exited (${how}); last lines of ${daemon.logFile}:\n${await tail(daemon.logFile)}`;
    }),
  );
}

/**
 * Polls the endpoint until any HTTP answer comes back (radosgw answers only once its pools exist).
 * @param {string} endpoint
 * @param {Daemon[]} daemons
 * @param {string} rgwLog
 */
export async function waitForHttp(endpoint, daemons, rgwLog) {
  /** @type {string | null} */
  let died = null;
  firstDeath(daemons).then((message) => {
    died = message;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (died) throw new Error(`radosgw did not come up: ${died}`);
    try {
      await (await fetch(endpoint, { signal: AbortSignal.timeout(2_000) })).arrayBuffer();
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(
    `radosgw did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s; last lines of ${rgwLog}:\n${await tail(rgwLog)}`,
  );
}
