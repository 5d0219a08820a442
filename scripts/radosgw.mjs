// Starts and stops a throw-away, single-node Ceph cluster on 127.0.0.1 (one monitor, one in-memory OSD, and
// the RADOS Gateway), so tests can hit a real S3 server that verifies SigV4 signatures strictly.
//
//   import { getSessionToken, startRadosgw } from './radosgw.mjs';
//   const s3 = await startRadosgw();   // ~2 s
//   ... s3.endpoint, s3.region, s3.users.owner.accessKeyId ...
//   const session = await getSessionToken(s3, 'owner', 900);   // use it against s3.stsEndpoint
//   await s3.stop();                   // ~0.4 s
//
// CLI: `node scripts/radosgw.mjs` starts one, prints its endpoint and keys as JSON, and stops it on Ctrl+C.
//
// Two gateways share the cluster (same users, same buckets): `endpoint` is the strict one (a bad signature gets
// 403 SignatureDoesNotMatch); `stsEndpoint` also accepts STS session tokens, but with STS on, radosgw answers
// every bad signature with a plain 403 AccessDenied, so keep signature tests on `endpoint`.
//
// Everything an instance owns (config, mon store, OSD data, sockets, pid files, logs) lives in its own temp
// directory, and every port is picked free at start, so parallel or stale instances never clash. Nothing is
// read from or written to /etc/ceph or /var/lib/ceph, and root is not needed.

import { execFile, spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { accessSync, constants, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ uid: string, accessKeyId: string, secretAccessKey: string }} RadosgwUser
 * @typedef {{ accessKeyId: string, secretAccessKey: string, sessionToken?: string }} Credentials
 * @typedef {{ accessKeyId: string, secretAccessKey: string, sessionToken: string, expiration: string }} SessionCredentials
 * @typedef {{ mon: number, osd: number, rgw: number, rgwSts?: number }} RadosgwPids
 * @typedef {{
 *   endpoint: string,
 *   stsEndpoint?: string,
 *   region: string,
 *   users: { owner: RadosgwUser, stranger: RadosgwUser },
 *   baseDir: string,
 *   pids: RadosgwPids,
 *   stop: () => Promise<void>,
 * }} RadosgwHandle
 * @typedef {{ baseDir?: string, port?: number, sts?: boolean, log?: (message: string) => void }} StartOptions
 * @typedef {{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<void>, logFile: string }} Daemon
 */

const INSTALL_HINT =
  'radosgw is not installed: run  sudo apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd';

/** Every binary the cluster needs; ceph and monmaptool come with ceph-mon's dependencies. */
const BINARIES = ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'ceph', 'monmaptool'];

/** Prefix of each instance directory; also how a later run recognises the leftovers of a killed one. */
const DIR_PREFIX = 'radosgw-test-';

const READY_TIMEOUT_MS = 90_000;
const COMMAND_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** Key of the STS session tokens radosgw encrypts; it must be exactly 16 characters. */
const STS_KEY = 'radosgw-test-sts';

// ---------------------------------------------------------------------------------------------------------
// Preconditions

/** @param {string} name @returns {string | null} absolute path of an executable in PATH (or the sbin dirs) */
function which(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * One line telling how to install Ceph when a binary is missing, otherwise null.
 * @returns {string | null}
 */
export function radosgwMissing() {
  return BINARIES.every((name) => which(name) !== null) ? null : INSTALL_HINT;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ports handed out by this process, so two instances started at once never get the same one. */
const portsGiven = new Set();

/** A port free right now on 127.0.0.1 that this process has not handed out before. */
async function freePort() {
  for (;;) {
    const port = await kernelFreePort();
    if (!portsGiven.has(port)) {
      portsGiven.add(port);
      return port;
    }
  }
}

/** What the kernel gives when binding to port 0 (read back, then released). */
function kernelFreePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    })
  );
}

/**
 * Fails clearly when an explicitly requested port is taken: otherwise the readiness check could be answered
 * by whatever already listens there.
 * @param {number} port
 */
function assertPortFree(port) {
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const server = createServer();
      server.on('error', (error) =>
        reject(new Error(`radosgw: port ${port} on 127.0.0.1 is in use (${error.message})`)),
      );
      server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
    })
  );
}

/**
 * @param {number} length
 * @param {string} alphabet
 */
function randomString(length, alphabet) {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** @param {string} uid @returns {RadosgwUser} */
function newUser(uid) {
  return {
    uid,
    // Same shapes as AWS keys: 20 upper-case alphanumerics, 40 characters of base64-ish secret.
    accessKeyId: randomString(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    secretAccessKey: randomString(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'),
  };
}

/** @param {string} file @param {number} [lines] */
async function tail(file, lines = 30) {
  try {
    const text = await readFile(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Configuration

/**
 * The whole cluster's ceph.conf. `$name` is expanded by Ceph per daemon (mon.a, osd.0, client.rgw, ...).
 * @param {{ dir: string, fsid: string, monPort: number, rgwPort: number, stsPort: number }} p
 */
function cephConf({ dir, fsid, monPort, rgwPort, stsPort }) {
  return `[global]
fsid = ${fsid}
mon host = v2:127.0.0.1:${monPort}
public addr = 127.0.0.1
cluster addr = 127.0.0.1
# msgr2 only: one port per daemon, and the monmap below lists only a v2 address.
ms bind msgr1 = false

# No cephx: nothing to bootstrap, no keyrings. The S3 layer still checks SigV4 on every request.
auth cluster required = none
auth service required = none
auth client required = none
auth supported = none
# Without cephx there is no session key, so "secure" messenger mode is impossible; radosgw defaults to it.
ms mon client mode = crc
ms client mode = crc
keyring = ${dir}/keyring

# Keep every file of this instance in its own directory.
run dir = ${dir}/run
admin socket = ${dir}/run/$name.$pid.asok
pid file = ${dir}/run/$name.pid
log file = ${dir}/log/$name.log
crash dir = ${dir}/crash
mon data = ${dir}/$name
osd data = ${dir}/$name
rgw data = ${dir}/$name
log to stderr = false
err to stderr = false

# One OSD holds every placement group by itself.
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
osd crush chooseleaf type = 0
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off

# Quiet the health warnings a throw-away cluster always has, and do not stop when /tmp gets full-ish.
mon warn on pool no redundancy = false
mon warn on insecure global id reclaim = false
mon warn on insecure global id reclaim allowed = false
mon data avail warn = 1
mon data avail crit = 0
# The monitor batches map changes for 1 s by default; radosgw's ~20 pool changes at start wait on each one.
paxos propose interval = 0.05

[osd]
# Objects live in RAM only; nothing is written to disk while the cluster runs.
osd objectstore = memstore
memstore device bytes = 1073741824

[client]
# Lifecycle workers hold up shutdown by ~4 s; bucket lifecycle rules are still stored, just never applied.
rgw enable lc threads = false
# STS encrypts its session tokens with this key.
rgw sts key = ${STS_KEY}

# The strict gateway: a bad signature gets 403 SignatureDoesNotMatch.
[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}

# A second gateway on the same cluster (same users and buckets) that also accepts STS session tokens. It is
# separate because with STS on, radosgw answers every bad signature with 403 AccessDenied instead.
[client.rgw.sts]
rgw frontends = beast endpoint=127.0.0.1:${stsPort}
rgw s3 auth use sts = true
`;
}

// ---------------------------------------------------------------------------------------------------------
// Processes

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
function run(dir, bin, args) {
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
async function createUser(dir, user, extra = []) {
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
async function startDaemon(dir, name, bin, args) {
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
async function stopDaemon(daemon) {
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
async function waitForHttp(endpoint, daemons, rgwLog) {
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

// ---------------------------------------------------------------------------------------------------------
// Clean-up, including after a crash

/** @type {Set<{ dir: string, daemons: Daemon[], stop: () => Promise<void> }>} */
const running = new Set();
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

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** Once the last instance is stopped, leave the process's signal handling as it was. */
function removeExitHandlers() {
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
async function recordPids(dir, daemons) {
  const info = { owner: process.pid, pids: daemons.map((daemon) => daemon.child.pid) };
  await writeFile(path.join(dir, 'instance.json'), JSON.stringify(info));
}

/**
 * Removes what an earlier run left behind when it was killed too hard to clean up (SIGKILL, OOM): its daemons
 * and its directory. A pid is only killed if it still runs a Ceph binary against that instance's ceph.conf.
 * @param {string} parent
 */
function reapStaleInstances(parent) {
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

// ---------------------------------------------------------------------------------------------------------
// SigV4 (header form), enough for the region probe and STS; the project's own signer is tested elsewhere.

/** @param {string} data */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** @param {string | Buffer} key @param {string} data */
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/**
 * Sends a SigV4-signed request and returns status and body text.
 * @param {{ method: string, url: string, region: string, service: string, credentials: Credentials,
 *           body?: string, headers?: Record<string, string> }} request
 */
async function signedFetch({ method, url, region, service, credentials, body = '', headers = {} }) {
  const target = new URL(url);
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  /** @type {Record<string, string>} */
  const all = {
    ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    host: target.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': sha256(body),
  };
  if (credentials.sessionToken) all['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(all).sort();
  const query = [...target.searchParams]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)])
    .sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headerBlock = names.map((name) => `${name}:${String(all[name]).trim()}\n`).join('');
  const canonical = [
    method,
    target.pathname,
    query,
    headerBlock,
    names.join(';'),
    all['x-amz-content-sha256'],
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  const { host: _host, ...sent } = all; // fetch sets Host itself, to the same value
  const response = await fetch(url, {
    method,
    body: body || undefined,
    headers: {
      ...sent,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    },
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, text: await response.text() };
}

/** @param {string} value */
function encodeRfc3986(value) {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The region to configure S3 clients with. radosgw computes the signature with whatever region the credential
 * scope names, but CreateBucket rejects a LocationConstraint other than its zonegroup's api_name
 * (InvalidLocationConstraint). SDKs send no LocationConstraint for us-east-1, so that is tried first; then the
 * zonegroup name. The probe creates and deletes a bucket exactly as an SDK would.
 * @param {string} endpoint
 * @param {Credentials} credentials
 */
async function probeRegion(endpoint, credentials) {
  const bucket = `region-probe-${randomString(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
  const url = `${endpoint}/${bucket}`;
  /** @type {string[]} */
  const failures = [];
  for (const region of ['us-east-1', 'default']) {
    const body =
      region === 'us-east-1'
        ? ''
        : `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`;
    const created = await signedFetch({ method: 'PUT', url, region, service: 's3', credentials, body });
    if (created.status === 200) {
      await signedFetch({ method: 'DELETE', url, region, service: 's3', credentials });
      return region;
    }
    failures.push(`${region}: HTTP ${created.status} ${created.text}`);
  }
  throw new Error(`no region works for a signed CreateBucket:\n${failures.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------
// STS

/** @param {string} xml @param {string} tag */
function xmlValue(xml, tag) {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/**
 * radosgw denies sts:GetSessionToken unless a user policy allows it, and only a user with the `user-policy`
 * cap may attach one (IAM PutUserPolicy). So a hidden `sts-admin` user gets that cap and attaches the policy
 * to every test user; the test users themselves stay plain.
 * @param {string} dir
 * @param {string} endpoint
 * @param {string} region
 * @param {RadosgwUser[]} users
 */
async function allowSessionTokens(dir, endpoint, region, users) {
  const admin = newUser('sts-admin');
  await createUser(dir, admin, ['--caps=user-policy=*']);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['sts:GetSessionToken'], Resource: '*' }],
  });
  for (const user of users) {
    const body = new URLSearchParams({
      Action: 'PutUserPolicy',
      Version: '2010-05-08',
      UserName: user.uid,
      PolicyName: 'AllowGetSessionToken',
      PolicyDocument: policy,
    }).toString();
    const { status, text } = await signedFetch({
      method: 'POST',
      url: `${endpoint}/`,
      region,
      service: 'iam',
      credentials: admin,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    if (status !== 200) throw new Error(`IAM PutUserPolicy for ${user.uid} failed: HTTP ${status} ${text}`);
  }
}

/**
 * Temporary credentials for a user from radosgw's STS GetSessionToken (15 min to 12 h). They are accepted only
 * by `handle.stsEndpoint`; the main endpoint answers them with 403 InvalidAccessKeyId.
 * @param {RadosgwHandle} handle
 * @param {'owner' | 'stranger'} user
 * @param {number} [durationSeconds]
 * @returns {Promise<SessionCredentials>}
 */
export async function getSessionToken(handle, user, durationSeconds = 3600) {
  if (!handle.stsEndpoint) throw new Error('getSessionToken: this radosgw was started with { sts: false }');
  const body = new URLSearchParams({
    Action: 'GetSessionToken',
    Version: '2011-06-15',
    DurationSeconds: String(durationSeconds),
  }).toString();
  const { status, text } = await signedFetch({
    method: 'POST',
    url: `${handle.stsEndpoint}/`,
    region: handle.region,
    service: 'sts',
    credentials: handle.users[user],
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  const accessKeyId = xmlValue(text, 'AccessKeyId');
  const secretAccessKey = xmlValue(text, 'SecretAccessKey');
  const sessionToken = xmlValue(text, 'SessionToken');
  const expiration = xmlValue(text, 'Expiration');
  if (status !== 200 || !accessKeyId || !secretAccessKey || !sessionToken || !expiration) {
    throw new Error(`STS GetSessionToken failed: HTTP ${status} ${text}`);
  }
  return { accessKeyId, secretAccessKey, sessionToken, expiration };
}

// ---------------------------------------------------------------------------------------------------------
// Start / stop

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
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // One at a time, clients first: the gateways, then the OSD, then the monitor. Each exits within ~0.2 s
    // once the ones that depend on it are gone; stopped together, radosgw can hang until its 120 s shutdown
    // alarm when the cluster vanishes under it.
    for (const daemon of [...daemons].reverse()) await stopDaemon(daemon);
    await rm(dir, { recursive: true, force: true });
    running.delete(instance);
    removeExitHandlers();
  };
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

// ---------------------------------------------------------------------------------------------------------
// CLI

async function main() {
  const handle = await startRadosgw({ log: (message) => process.stderr.write(`${message}\n`) });
  const { endpoint, stsEndpoint, region, baseDir, users } = handle;
  const summary = { endpoint, stsEndpoint, region, ...users.owner, logs: path.join(baseDir, 'log') };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write('radosgw: running; Ctrl+C stops it\n');
  // The SIGINT/SIGTERM handlers installed by startRadosgw stop the cluster and then end the process.
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
