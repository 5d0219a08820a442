// The demo's fallback S3 server where Ceph is not installed: s3rver (npm), on loopback, storing in a temp
// folder removed at stop. It does NOT check signatures (INFRA.md: tampered or expired links get 200 too), so
// the demo says so whenever it is the one running.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * Starts s3rver on 127.0.0.1 with a free port; the same shape as startRadosgw's handle, as far as the demo needs.
 * @returns {Promise<import('./stack.d.mts').DemoServer>}
 */
export async function startS3rver() {
  const directory = await mkdtemp(join(tmpdir(), 's3-presign-s3rver-'));
  // Last resort, like radosgw's: a process that exits without stop() (an uncaught error, process.exit from a
  // signal handler) still removes the folder, synchronously, as it goes.
  const removeNow = () => rmSync(directory, { recursive: true, force: true });
  process.on('exit', removeNow);
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false });
  let port;
  try {
    ({ port } = await server.run());
  } catch (error) {
    process.off('exit', removeNow);
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  /** @type {Promise<void> | undefined} */
  let stopped;
  return {
    kind: 's3rver',
    verifiesSignatures: false,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    // s3rver accepts any keys; these are its documented defaults.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // Once, however many callers (a Ctrl+C while seeding stops it, then the failed seeding stops it again).
    stop() {
      stopped ??= (async () => {
        try {
          // The browser keeps connections open: close them, or close() waits for them.
          server.httpServer?.closeAllConnections?.();
          await server.close().catch(() => undefined);
        } finally {
          await rm(directory, { recursive: true, force: true });
          process.off('exit', removeNow);
        }
      })();
      return stopped;
    },
  };
}
