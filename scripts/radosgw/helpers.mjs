// Small helpers: ports, random keys, log tails, pid checks.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** @typedef {import('./index.mjs').RadosgwUser} RadosgwUser */

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ports handed out by this process, so two instances started at once never get the same one. */
const portsGiven = new Set();

/** A port free right now on 127.0.0.1 that this process has not handed out before. */
export async function freePort() {
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
export function assertPortFree(port) {
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
export function randomString(length, alphabet) {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/** @param {string} uid @returns {RadosgwUser} */
export function newUser(uid) {
  return {
    uid,
    // Same shapes as AWS keys: 20 upper-case alphanumerics, 40 characters of base64-ish secret.
    accessKeyId: randomString(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
    secretAccessKey: randomString(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'),
  };
}

/** @param {string} file @param {number} [lines] */
export async function tail(file, lines = 30) {
  try {
    const text = await readFile(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/** @param {number} pid */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
