// Start / stop: boots the cluster and its gateways, and returns the handle that stops them again.

import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { cephConf } from './ceph-conf.mjs';
import {
  DIR_PREFIX,
  installExitHandlers,
  reapStaleInstances,
  recordPids,
  removeExitHandlers,
  running,
} from './clean-up.mjs';
import { assertPortFree, freePort, newUser } from './helpers.mjs';
import { probeRegion } from './probe-region.mjs';
import { createUser, run, startDaemon, stopDaemon, waitForHttp } from './processes.mjs';
import { radosgwMissing } from './radosgw-missing.mjs';
import { allowSessionTokens } from './sts.mjs';

/**
 * @typedef {import('./index.mjs').RadosgwHandle} RadosgwHandle
 * @typedef {import('./index.mjs').StartOptions} StartOptions
 * @typedef {import('./processes.mjs').Daemon} Daemon
 */

/**
 * Creates the monitor and the OSD and starts them.
 * @param {string} dir
 * @param {string} fsid
 * @param {number} monPort
 * @param {Daemon[]} daemons  started daemons are appended, so a failure still stops them
 */
async function bootCluster(dir, fsid, monPort, daemons) {
  const monmap = path.join(dir, 'monmap');
  await run(dir, 'monmaptool', [
    '--create',
    '--addv',
    'a',
    `[v2:127.0.0.1:${monPort}]`,
    '--fsid',
    fsid,
    monmap,
  ]);
  await run(dir, 'ceph-mon', ['--mkfs', '-i', 'a', '--monmap', monmap]);
  daemons.push(await startDaemon(dir, 'mon.a', 'ceph-mon', ['-i', 'a']));
  await recordPids(dir, daemons);

  // `ceph osd new` waits for the monitor to answer, so it doubles as the monitor's readiness check.
  const osdUuid = randomUUID();
  const osdId = (await run(dir, 'ceph', ['--connect-timeout', '30', 'osd', 'new', osdUuid])).trim();
  await mkdir(path.join(dir, `osd.${osdId}`));
  await run(dir, 'ceph-osd', ['-i', osdId, '--mkfs', '--osd-uuid', osdUuid]);
  daemons.push(await startDaemon(dir, `osd.${osdId}`, 'ceph-osd', ['-i', osdId]));
  await recordPids(dir, daemons);
}

/**
 * Starts one radosgw and waits until it answers HTTP (it does once its pools exist).
 * @param {string} dir
 * @param {string} name  client.rgw or client.rgw.sts, the section of ceph.conf it reads
 * @param {string} endpoint
 * @param {Daemon[]} daemons
 */
async function startGateway(dir, name, endpoint, daemons) {
  const rgw = await startDaemon(dir, name, 'radosgw', ['-n', name]);
  daemons.push(rgw);
  await recordPids(dir, daemons);
  await waitForHttp(endpoint, daemons, rgw.logFile);
  return rgw;
}

/**
 * Boots the cluster and radosgw, creates the `owner` and `stranger` users, and returns how to reach them.
 * `baseDir` is where the instance's own fresh directory is created (default: the OS temp dir); `port` the
 * main endpoint's port (default: a free one); `sts: false` skips the STS gateway.
 * @param {StartOptions} [options]
 * @returns {Promise<RadosgwHandle>}
 */
export async function startRadosgw({ baseDir, port, sts = true, log = () => {} } = {}) {
  const missing = radosgwMissing();
  if (missing) throw new Error(missing);

  if (port !== undefined) await assertPortFree(port);
  const parent = baseDir ?? os.tmpdir();
  await mkdir(parent, { recursive: true });
  reapStaleInstances(parent);
  const dir = await mkdtemp(path.join(parent, DIR_PREFIX));
  const subdirs = ['log', 'run', 'crash', 'mon.a', 'client.rgw', 'client.rgw.sts'];
  await Promise.all(subdirs.map((sub) => mkdir(path.join(dir, sub))));

  const fsid = randomUUID();
  const monPort = await freePort();
  const rgwPort = port ?? (await freePort());
  const stsPort = await freePort();
  const endpoint = `http://127.0.0.1:${rgwPort}`;
  const stsEndpoint = `http://127.0.0.1:${stsPort}`;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  /** @type {Daemon[]} */
  const daemons = [];
  /** @type {Promise<void> | undefined} */
  let stopping;
  // Once: a second caller (the demo's Ctrl+C handler while the SIGINT handler below is stopping it) waits for
  // the same stop instead of returning at once and exiting, which would leave the daemons to the exit hook's SIGKILL.
  const stop = () =>
    (stopping ??= (async () => {
      // One at a time, clients first: the gateways, then the OSD, then the monitor. Each exits within ~0.2 s
      // once the ones that depend on it are gone; stopped together, radosgw can hang until its 120 s shutdown
      // alarm when the cluster vanishes under it.
      for (const daemon of [...daemons].reverse()) await stopDaemon(daemon);
      await rm(dir, { recursive: true, force: true });
      running.delete(instance);
      removeExitHandlers();
    })());
  const instance = { dir, daemons, stop };
  running.add(instance);
  installExitHandlers();

  try {
    log(`radosgw: starting in ${dir}`);
    await writeFile(path.join(dir, 'ceph.conf'), cephConf({ dir, fsid, monPort, rgwPort, stsPort }));
    await bootCluster(dir, fsid, monPort, daemons);
    log(`radosgw: mon and osd started (${elapsed()})`);
    const rgw = await startGateway(dir, 'client.rgw', endpoint, daemons);
    log(`radosgw: answering on ${endpoint} (${elapsed()})`);
    // Only now: two gateways starting on an empty cluster would both create the default zone.
    const rgwSts = sts ? await startGateway(dir, 'client.rgw.sts', stsEndpoint, daemons) : undefined;

    const users = { owner: newUser('owner'), stranger: newUser('stranger') };
    for (const user of Object.values(users)) await createUser(dir, user);
    const region = await probeRegion(endpoint, users.owner);
    if (sts) await allowSessionTokens(dir, endpoint, region, Object.values(users));
    log(`radosgw: ready, region ${region} (${elapsed()})`);

    const [mon, osd] = daemons;
    return {
      endpoint,
      ...(sts ? { stsEndpoint } : {}),
      region,
      users,
      baseDir: dir,
      pids: {
        mon: mon?.child.pid ?? 0,
        osd: osd?.child.pid ?? 0,
        rgw: rgw.child.pid ?? 0,
        ...(rgwSts?.child.pid ? { rgwSts: rgwSts.child.pid } : {}),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
