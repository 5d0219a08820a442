// The demo's stack, shared by `npm run demo` and tests/e2e/demo.test.ts: a local S3 server (radosgw when
// installed, which checks every signature; else s3rver from npm, which does not), the demo bucket seeded, and a
// loopback page of links to right-click.
import { createServer } from 'node:http';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { radosgwMissing, startRadosgw } from '../radosgw.mjs';
import { s3Client } from '../s3-client.mjs';
import { demoPage } from './page.mjs';
import { startS3rver } from './s3rver.mjs';
import { BIG_FOLDER_SIZE, bigFolderKey, DEMO_BUCKET, demoSamples } from './samples.mjs';

/** Parallel uploads while seeding the big folder: fast on radosgw, gentle on two cores. */
const SEED_CONCURRENCY = 16;

/**
 * Which server to run: S3P_DEMO_SERVER=radosgw|s3rver forces one; otherwise radosgw when installed.
 * @param {'auto' | 'radosgw' | 's3rver'} choice
 * @returns {Promise<import('./stack.d.mts').DemoServer>}
 */
async function startServer(choice) {
  const missing = radosgwMissing();
  if (choice === 'radosgw' && missing) throw new Error(missing);
  if (choice === 's3rver' || (choice === 'auto' && missing)) return startS3rver();
  const rgw = await startRadosgw({ sts: false });
  return {
    kind: 'radosgw',
    verifiesSignatures: true,
    endpoint: rgw.endpoint,
    region: rgw.region,
    credentials: {
      accessKeyId: rgw.users.owner.accessKeyId,
      secretAccessKey: rgw.users.owner.secretAccessKey,
    },
    stop: () => rgw.stop(),
  };
}

/** Puts every sample and the big folder's keys into the demo bucket; stops early once `signal` is aborted. */
async function seed(server, signal) {
  const client = s3Client(server, server.credentials);
  await client.send(new CreateBucketCommand({ Bucket: DEMO_BUCKET }));
  const puts = [
    ...demoSamples().map(({ key, body, type }) => ({ key, body, type })),
    ...Array.from({ length: BIG_FOLDER_SIZE }, (_, index) => ({
      key: bigFolderKey(index + 1),
      body: `line ${index + 1} of a demo log\n`,
      type: 'text/plain',
    })),
  ];
  let next = 0;
  const worker = async () => {
    while (next < puts.length && !signal?.aborted) {
      const { key, body, type } = puts[next++];
      await client.send(
        new PutObjectCommand({ Bucket: DEMO_BUCKET, Key: key, Body: body, ContentType: type }),
      );
    }
  };
  try {
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  } finally {
    client.destroy();
  }
  signal?.throwIfAborted();
  return puts.length;
}

/**
 * Starts the server, seeds the bucket and serves the page of links; stop() ends all of it.
 * @param {import('./stack.d.mts').DemoStackOptions} [options]
 * @returns {Promise<import('./stack.d.mts').DemoStack>}
 */
export async function startDemoStack(options = {}) {
  const { log = () => {}, signal } = options;
  const choice = options.server ?? process.env.S3P_DEMO_SERVER ?? 'auto';
  if (!['auto', 'radosgw', 's3rver'].includes(choice)) {
    throw new Error(`S3P_DEMO_SERVER must be radosgw or s3rver, not "${choice}"`);
  }
  const started = performance.now();
  signal?.throwIfAborted();
  const server = await startServer(choice);
  // From here an abort (the demo's Ctrl+C while seeding) stops the server at once; its stop() runs only once, so
  // the failed seeding's own stop below waits for the same one.
  const stopServer = () => server.stop();
  signal?.addEventListener('abort', stopServer, { once: true });
  log(
    server.verifiesSignatures
      ? `S3 server: Ceph radosgw at ${server.endpoint} (checks every signature).`
      : `S3 server: s3rver at ${server.endpoint}. It does NOT check signatures: a wrong or expired link still works here. Install radosgw for a server that does (sudo apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd).`,
  );
  let page;
  try {
    signal?.throwIfAborted();
    const count = await seed(server, signal);
    log(
      `Seeded ${count} objects into ${DEMO_BUCKET} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    const objectUrl = (key) =>
      `${server.endpoint}/${DEMO_BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const html = demoPage({ bucket: DEMO_BUCKET, objectUrl, verifiesSignatures: server.verifiesSignatures });
    page = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(html);
    });
    await new Promise((done) => page.listen(0, '127.0.0.1', () => done(undefined)));
    const address = page.address();
    const pageUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    return {
      server,
      bucket: DEMO_BUCKET,
      pageUrl,
      objectUrl,
      profile: demoProfile(server),
      async stop() {
        signal?.removeEventListener('abort', stopServer);
        try {
          page.closeAllConnections();
          await new Promise((done) => page.close(() => done(undefined)));
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    signal?.removeEventListener('abort', stopServer);
    page?.close();
    await server.stop();
    throw error;
  }
}

/** The profile the demo pre-sets: the server's keys, path-style, opening in the demo bucket. */
function demoProfile(server) {
  return {
    id: 'demo',
    name: server.verifiesSignatures ? 'Demo (local radosgw)' : 'Demo (local s3rver)',
    accessKeyId: server.credentials.accessKeyId,
    secretAccessKey: server.credentials.secretAccessKey,
    region: server.region,
    endpoint: server.endpoint,
    forcePathStyle: true,
    defaultBucket: DEMO_BUCKET,
  };
}
