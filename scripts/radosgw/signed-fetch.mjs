// SigV4 (header form), enough for the region probe and STS; the project's own signer is tested elsewhere.

import { createHash, createHmac } from 'node:crypto';

/** @typedef {{ accessKeyId: string, secretAccessKey: string, sessionToken?: string }} Credentials */

/** @param {string} data */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** @param {string | Buffer} key @param {string} data */
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/**
 * Sends a SigV4-signed request and returns status and body text.
 * @param {{ method: string, url: string, region: string, service: string, credentials: Credentials,
 *           body?: string, headers?: Record<string, string> }} request
 */
export async function signedFetch({ method, url, region, service, credentials, body = '', headers = {} }) {
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
