// The S3 the benchmark signs for: a throw-away radosgw (scripts/radosgw.mjs), which verifies signatures, with a
// bucket holding the objects the measured links point at. Without radosgw installed, a loopback stand-in that
// answers every request lets the figures still be taken, but then no link is proven valid.

import { createServer } from 'node:http';
import { signedFetch } from '../radosgw/signed-fetch.mjs';
import { startRadosgw } from '../radosgw.mjs';

const BUCKET = 'bench';
/** Non-ASCII and a space, so the measured path includes real key encoding. */
const SIGNED_KEY = 'reports/2026/Q3 résumé.pdf';
const COPIED_KEY = 'shortcut/target.txt';

/**
 * @typedef {object} Store
 * @property {{ accessKeyId: string, secretAccessKey: string, region: string, endpoint: string }} credentials
 * @property {string} bucket
 * @property {string} signedKey  the object figures 1–2 sign for
 * @property {string} copiedKey  the object open in the tab for figure 3
 * @property {(key: string) => string} objectUrl
 * @property {boolean} verifies  whether links are checked by a real S3
 * @property {string} [why]  why not
 * @property {() => Promise<void>} stop
 */

/** @param {string} key */
const encodePath = (key) => key.split('/').map(encodeURIComponent).join('/');

/**
 * Starts radosgw with the bench bucket, or the stand-in when `missing` says radosgw cannot run.
 * @param {{ missing: string | null }} options
 * @returns {Promise<Store>}
 */
export async function startStore({ missing }) {
  if (missing) {
    console.warn(`! radosgw cannot run (${missing}); measuring against a stand-in that checks nothing`);
    return standIn(missing);
  }
  console.log('▶ radosgw');
  const s3 = await startRadosgw({ sts: false });
  const { accessKeyId, secretAccessKey } = s3.users.owner;
  /** @param {string} path @param {string} [body] */
  const put = async (path, body) => {
    const response = await signedFetch({
      method: 'PUT',
      url: `${s3.endpoint}/${path}`,
      region: s3.region,
      service: 's3',
      credentials: { accessKeyId, secretAccessKey },
      ...(body === undefined ? {} : { body }),
    });
    if (response.status !== 200) throw new Error(`radosgw: PUT /${path} answered ${response.status}`);
  };
  try {
    await put(BUCKET);
    for (const key of [SIGNED_KEY, COPIED_KEY])
      await put(`${BUCKET}/${encodePath(key)}`, `bench object ${key}`);
  } catch (error) {
    await s3.stop();
    throw error;
  }
  return {
    credentials: { accessKeyId, secretAccessKey, region: s3.region, endpoint: s3.endpoint },
    bucket: BUCKET,
    signedKey: SIGNED_KEY,
    copiedKey: COPIED_KEY,
    objectUrl: (key) => `${s3.endpoint}/${BUCKET}/${encodePath(key)}`,
    verifies: true,
    stop: () => s3.stop(),
  };
}

/** @param {string} why @returns {Promise<Store>} */
async function standIn(why) {
  const server = createServer((_request, response) => response.end('stand-in object'));
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      endpoint,
    },
    bucket: BUCKET,
    signedKey: SIGNED_KEY,
    copiedKey: COPIED_KEY,
    objectUrl: (key) => `${endpoint}/${BUCKET}/${encodePath(key)}`,
    verifies: false,
    why,
    stop: async () => {
      server.close();
    },
  };
}
