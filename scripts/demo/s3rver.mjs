// The demo's fallback S3 server where Ceph is not installed: s3rver (npm), on loopback, storing in a temp
// folder removed at stop. It does NOT check signatures (INFRA.md: tampered or expired links get 200 too), so
// the demo says so whenever it is the one running.
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
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, vhostBuckets: false });
  const { port } = await server.run();
  return {
    kind: 's3rver',
    verifiesSignatures: false,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    // s3rver accepts any keys; these are its documented defaults.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      // The browser keeps connections open: close them, or close() waits for them.
      server.httpServer?.closeAllConnections?.();
      await server.close().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
