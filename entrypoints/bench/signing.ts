import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl, S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { HttpRequest } from '@smithy/types';
import { type PresignInput, presign } from '@/utils/presign';
import { locate } from '@/utils/request-target';
import { clearSigningKeys, deriveSigningKey } from '@/utils/signing-key-cache';
import {
  ALGORITHM,
  amzDate,
  canonicalRequest,
  credentialScope,
  encodeParam,
  stringToSign,
} from '@/utils/sigv4';
import { WebCryptoSha256 } from '@/utils/webcrypto-sha256';
import { compare, type Operation, type Summary, summarize } from './measure';

/** The object and keys one GET link is signed for. */
export interface SigningCase {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** A custom endpoint (path-style), or none for AWS. */
  endpoint?: string;
  bucket: string;
  key: string;
  expiresIn: number;
}

/** µs per GET link for each way of signing, and one link from our path to check against a real S3. */
export interface SigningFigures {
  perLink: Record<string, Summary>;
  /** Signed now by presign(), so the caller can prove it works. */
  sampleUrl: string;
  /** presign() and the SDK presigner it replaced gave the same URL for the same input and time. */
  sameAsSdkPresigner: boolean;
}

const encoder = new TextEncoder();

function presignInput(c: SigningCase, now: Date, key = c.key): PresignInput {
  return {
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    region: c.region,
    ...(c.endpoint ? { endpoint: c.endpoint, forcePathStyle: true } : {}),
    bucket: c.bucket,
    key,
    method: 'GET',
    expiresIn: c.expiresIn,
    now,
  };
}

/** The floor: what any SigV4 signer must do per link, one SHA-256 and one HMAC with a ready key, on our inputs. */
async function floorOperation(c: SigningCase, now: Date): Promise<Operation> {
  const input = presignInput(c, now);
  const target = locate(input, c.region);
  const longDate = amzDate(now);
  const scope = credentialScope(longDate.slice(0, 8), c.region, 's3');
  const request = canonicalRequest({
    method: 'GET',
    path: target.path,
    query: [
      encodeParam('X-Amz-Algorithm', ALGORITHM),
      encodeParam('X-Amz-Credential', `${c.accessKeyId}/${scope}`),
      encodeParam('X-Amz-Date', longDate),
      encodeParam('X-Amz-Expires', String(c.expiresIn)),
      encodeParam('X-Amz-SignedHeaders', 'host'),
    ],
    headers: { host: target.port ? `${target.hostname}:${target.port}` : target.hostname },
  });
  const requestBytes = encoder.encode(request);
  const toSignBytes = encoder.encode(stringToSign(longDate, scope, '0'.repeat(64)));
  const key = await deriveSigningKey(c.secretAccessKey, longDate.slice(0, 8), c.region, 's3');
  return async () => {
    await crypto.subtle.digest('SHA-256', requestBytes);
    await crypto.subtle.sign('HMAC', key, toSignBytes);
  };
}

/** How presign() signed before: through the AWS SDK's S3RequestPresigner (@smithy/signature-v4). */
function sdkPresignerOperation(c: SigningCase, now: Date, reuse: boolean): () => Promise<string> {
  const input = presignInput(c, now);
  const target = locate(input, c.region);
  const host = target.port ? `${target.hostname}:${target.port}` : target.hostname;
  const make = (): S3RequestPresigner =>
    new S3RequestPresigner({
      credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
      region: c.region,
      sha256: WebCryptoSha256,
    });
  const shared = make();
  const sha256Header = 'x-amz-content-sha256';
  return async () => {
    const request: HttpRequest = { method: 'GET', ...target, query: {}, headers: { host } };
    const signed = await (reuse ? shared : make()).presign(request, {
      signingDate: now,
      expiresIn: c.expiresIn,
      unhoistableHeaders: new Set([sha256Header]),
      unsignableHeaders: new Set([sha256Header]),
      signableHeaders: new Set(),
    });
    const query = Object.entries(signed.query ?? {})
      .map(([name, value]) => encodeParam(name, value as string))
      .map((param) => `${param.name}=${param.value}`)
      .join('&');
    return `${target.protocol}//${host}${target.path}?${query}`;
  };
}

/** The SDK as its documentation shows it: a default S3Client and getSignedUrl. */
function getSignedUrlOperation(c: SigningCase): Operation {
  const client = new S3Client({
    region: c.region,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    ...(c.endpoint ? { endpoint: c.endpoint, forcePathStyle: true } : {}),
  });
  return () =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: c.bucket, Key: c.key }), { expiresIn: c.expiresIn });
}

/** Figure 1: µs per GET link through presign(), against the WebCrypto floor and the SDK. */
export async function measureSigning(
  c: SigningCase,
  options: { rounds: number; batchMs: number },
): Promise<SigningFigures> {
  const now = new Date();
  const input = presignInput(c, now);
  const oldWay = sdkPresignerOperation(c, now, false);
  const sampleUrl = (await presign(input)).url;
  const sameAsSdkPresigner = sampleUrl === (await oldWay());

  const perLink = await compare(
    {
      floor: await floorOperation(c, now),
      presign: () => presign(input),
      'presign, key not cached': () => {
        clearSigningKeys();
        return presign(input);
      },
      'SDK presigner, reused': sdkPresignerOperation(c, now, true),
      'SDK presigner, new per link (old presign)': oldWay,
      'SDK getSignedUrl, defaults': getSignedUrlOperation(c),
    },
    options,
  );
  return { perLink, sampleUrl, sameAsSdkPresigner };
}

/** Figure 2's figures: total ms for `count` links, signed one after another and all at once. */
export interface BulkFigures {
  count: number;
  sequentialMs: Summary;
  concurrentMs: Summary;
  distinctUrls: number;
  /** One of the bulk links, to check against a real S3. */
  sampleUrl: string;
}

/** Figure 2: `count` GET links for different keys of one bucket, with a cold key cache each round. */
export async function measureBulk(c: SigningCase, count: number, rounds: number): Promise<BulkFigures> {
  const now = new Date();
  const inputs = Array.from({ length: count }, (_, i) =>
    presignInput(c, now, `${c.key}-bulk/${String(i).padStart(5, '0')}.txt`),
  );
  const sequential: number[] = [];
  const concurrent: number[] = [];
  let urls: string[] = [];
  for (let round = 0; round < rounds; round++) {
    clearSigningKeys();
    let start = performance.now();
    urls = (await Promise.all(inputs.map((input) => presign(input)))).map((result) => result.url);
    concurrent.push(performance.now() - start);

    clearSigningKeys();
    start = performance.now();
    for (const input of inputs) await presign(input);
    sequential.push(performance.now() - start);
  }
  return {
    count,
    sequentialMs: summarize(sequential),
    concurrentMs: summarize(concurrent),
    distinctUrls: new Set(urls).size,
    sampleUrl: urls[count - 1] as string,
  };
}
