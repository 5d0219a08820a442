// Filling a radosgw prefix with many keys, fast. radosgw runs in memory and starts empty on every bench run,
// so the 100,000 keys of figure 6 are PUT each time: empty bodies over kept-alive sockets, many in flight,
// each signed with a signing key derived once (the header form of SigV4, as scripts/radosgw/signed-fetch.mjs,
// but without its per-request key derivation and fetch overhead).

import { createHash, createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

/** @typedef {{ accessKeyId: string, secretAccessKey: string, region: string, endpoint: string }} Credentials */

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/** @param {string} value */
const encodeSegment = (value) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A SigV4 header signer for empty-body PUTs with one credential set; the signing key is derived per UTC day.
 * @param {Credentials} credentials
 */
function signerFor({ accessKeyId, secretAccessKey, region }) {
  let keyDay = '';
  /** @type {Buffer} */
  let signingKey = Buffer.alloc(0);
  /**
   * @param {string} host
   * @param {string} path  already encoded
   * @returns {Record<string, string>}
   */
  return (host, path) => {
    const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const day = amzDate.slice(0, 8);
    if (day !== keyDay) {
      let key = createHmac('sha256', `AWS4${secretAccessKey}`).update(day).digest();
      for (const part of [region, 's3', 'aws4_request'])
        key = createHmac('sha256', key).update(part).digest();
      signingKey = key;
      keyDay = day;
    }
    const signed = 'host;x-amz-content-sha256;x-amz-date';
    const canonical = `PUT\n${path}\n\nhost:${host}\nx-amz-content-sha256:${EMPTY_SHA256}\nx-amz-date:${amzDate}\n\n${signed}\n${EMPTY_SHA256}`;
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    return {
      'x-amz-date': amzDate,
      'x-amz-content-sha256': EMPTY_SHA256,
      'content-length': '0',
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signed}, Signature=${signature}`,
    };
  };
}

/**
 * PUTs an empty object at every key, `concurrency` at a time, and says how long it took.
 * @param {Credentials} credentials
 * @param {string} bucket
 * @param {(index: number) => string} keyAt
 * @param {number} count
 * @param {{ concurrency?: number, onProgress?: (done: number) => void }} [options]
 * @returns {Promise<{ count: number, ms: number, perSecond: number, concurrency: number }>}
 */
export async function seedKeys(credentials, bucket, keyAt, count, { concurrency = 64, onProgress } = {}) {
  const endpoint = new URL(credentials.endpoint);
  const sign = signerFor(credentials);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const base = endpoint.pathname.replace(/\/$/, '');
  /** @param {string} key @returns {Promise<void>} */
  const put = (key) =>
    new Promise((done, fail) => {
      const path = `${base}/${bucket}/${key.split('/').map(encodeSegment).join('/')}`;
      const sent = request(
        {
          agent,
          host: endpoint.hostname,
          port: endpoint.port,
          method: 'PUT',
          path,
          headers: sign(endpoint.host, path),
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200
              ? done()
              : fail(new Error(`radosgw: PUT ${path} answered ${response.statusCode}`)),
          );
        },
      );
      sent.on('error', fail);
      sent.end();
    });

  const started = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      // One retry, so that one socket closed under this load costs a request, not the run.
      await put(keyAt(index)).catch(() => put(keyAt(index)));
      done++;
      if (onProgress && done % 10_000 === 0) onProgress(done);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    agent.destroy();
  }
  const ms = performance.now() - started;
  return { count, ms, perSecond: (count / ms) * 1000, concurrency };
}
