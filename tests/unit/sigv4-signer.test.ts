import { createHash, createHmac } from 'node:crypto';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PresignError } from '@/utils/errors';
import { resolveExpiry } from '@/utils/expiry';
import { uriEncode } from '@/utils/key-encoding';
import { type PresignInput, presign } from '@/utils/presign';
import { locate } from '@/utils/request-target';
import { clearSigningKeys, deriveSigningKey } from '@/utils/signing-key-cache';
import {
  amzDate,
  canonicalQuery,
  canonicalRequest,
  credentialScope,
  encodeParam,
  stringToSign,
  toHex,
} from '@/utils/sigv4';
import { sigv4Encode } from '@/utils/sigv4-encode';
import { WebCryptoSha256 } from '@/utils/webcrypto-sha256';

// The signer's steps against the intermediate strings S3's documentation publishes for its query-string example
// (GET examplebucket/test.txt, 2013-05-24, 86,400 s), and the whole signer against the AWS SDK's presigner,
// which signed every link before: same input, same URL, byte for byte.

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DOC_CANONICAL_REQUEST = [
  'GET',
  '/test.txt',
  'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host',
  'host:examplebucket.s3.amazonaws.com',
  '',
  'host',
  'UNSIGNED-PAYLOAD',
].join('\n');
const DOC_STRING_TO_SIGN = [
  'AWS4-HMAC-SHA256',
  '20130524T000000Z',
  '20130524/us-east-1/s3/aws4_request',
  '3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04',
].join('\n');
const DOC_SIGNATURE = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

describe('SigV4 steps', () => {
  it('formats the signing time as SigV4 wants, dropping milliseconds', () => {
    expect(amzDate(new Date('2013-05-24T00:00:00.999Z'))).toBe('20130524T000000Z');
    expect(amzDate(new Date('2026-11-03T17:04:59Z'))).toBe('20261103T170459Z');
  });

  it('builds the documentation example canonical request and string to sign', () => {
    const query = [
      encodeParam('X-Amz-Algorithm', 'AWS4-HMAC-SHA256'),
      encodeParam('X-Amz-Credential', 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request'),
      encodeParam('X-Amz-Date', '20130524T000000Z'),
      encodeParam('X-Amz-Expires', '86400'),
      encodeParam('X-Amz-SignedHeaders', 'host'),
    ];
    const request = canonicalRequest({
      method: 'GET',
      path: '/test.txt',
      query,
      headers: { host: 'examplebucket.s3.amazonaws.com' },
    });
    expect(request).toBe(DOC_CANONICAL_REQUEST);
    const hash = createHash('sha256').update(request).digest('hex');
    expect(stringToSign('20130524T000000Z', credentialScope('20130524', 'us-east-1', 's3'), hash)).toBe(
      DOC_STRING_TO_SIGN,
    );
  });

  it('percent-encodes exactly as key-encoding does, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean(), (value, keepSlash) => {
        expect(sigv4Encode(value, keepSlash)).toBe(uriEncode(value, keepSlash));
      }),
      { numRuns: 2_000 },
    );
    expect(sigv4Encode('a/b c+é😀', true)).toBe('a/b%20c%2B%C3%A9%F0%9F%98%80');
    expect(sigv4Encode('\ud800x\udc00', false)).toBe('%EF%BF%BDx%EF%BF%BD');
  });

  it('sorts the canonical query by encoded name, whatever order the URL carries', () => {
    const query = [encodeParam('versionId', 'v 1'), encodeParam('X-Amz-Date', 'd'), encodeParam('a*b', '')];
    expect(canonicalQuery(query)).toBe('X-Amz-Date=d&a%2Ab=&versionId=v%201');
  });

  it('signs the documentation example with a derived key that matches node:crypto', async () => {
    const key = await deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3');
    const signature = toHex(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(DOC_STRING_TO_SIGN)),
    );
    expect(signature).toBe(DOC_SIGNATURE);
    let reference: Buffer = Buffer.from(`AWS4${SECRET}`);
    for (const part of ['20130524', 'us-east-1', 's3', 'aws4_request']) {
      reference = createHmac('sha256', reference).update(part).digest();
    }
    expect(createHmac('sha256', reference).update(DOC_STRING_TO_SIGN).digest('hex')).toBe(DOC_SIGNATURE);
  });
});

/** How presign() signed before this signer: the AWS SDK's S3RequestPresigner, new for every link. */
async function sdkPresign(input: PresignInput): Promise<string> {
  const region = input.region ?? 'us-east-1';
  const target = locate(input, region);
  const expiry = resolveExpiry(input.expiresIn, input.now, input.credentials.expiration);
  const query: QueryParameterBag = {};
  if (input.versionId !== undefined) query.versionId = input.versionId;
  if (input.responseContentDisposition !== undefined)
    query['response-content-disposition'] = input.responseContentDisposition;
  if (input.responseContentType !== undefined) query['response-content-type'] = input.responseContentType;
  const host = target.port === undefined ? target.hostname : `${target.hostname}:${target.port}`;
  const headers: Record<string, string> = { host };
  const signableHeaders = new Set<string>();
  if (input.contentType !== undefined) {
    headers['content-type'] = input.contentType;
    signableHeaders.add('content-type');
  }
  const request: HttpRequest = { method: input.method, ...target, query, headers };
  const { sessionToken } = input.credentials;
  const presigner = new S3RequestPresigner({
    credentials: {
      accessKeyId: input.credentials.accessKeyId,
      secretAccessKey: input.credentials.secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
    },
    region,
    sha256: WebCryptoSha256,
  });
  const sha256Header = 'x-amz-content-sha256';
  const signed = await presigner.presign(request, {
    signingDate: input.now,
    expiresIn: expiry.expiresIn,
    unhoistableHeaders: new Set([sha256Header]),
    unsignableHeaders: new Set([sha256Header]),
    signableHeaders,
  });
  const parts = Object.entries(signed.query ?? {}).map(
    ([name, value]) => `${uriEncode(name, false)}=${uriEncode(value as string, false)}`,
  );
  return `${target.protocol}//${host}${target.path}?${parts.join('&')}`;
}

// Text without lone surrogates (the SDK's encoder throws on them) and without whitespace where keys forbid it.
const text = (minLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'grapheme', minLength, maxLength: 40 });
const token = fc.stringMatching(/^[A-Za-z0-9+/=]{1,60}$/);

const inputs: fc.Arbitrary<PresignInput> = fc
  .record({
    method: fc.constantFrom('GET', 'PUT'),
    key: text(1),
    bucket: fc.constantFrom('examplebucket', 'my.bucket', 'b-1'),
    region: fc.constantFrom('us-east-1', 'eu-west-3', 'cn-north-1', 'auto'),
    store: fc.constantFrom(
      {},
      { endpoint: 'http://127.0.0.1:7480' },
      { endpoint: 'https://storage.example.com/s3/', forcePathStyle: true },
      { forcePathStyle: true },
      { variant: 'dualstack' as const },
    ),
    secret: fc.stringMatching(/^[A-Za-z0-9+/]{1,40}$/),
    sessionToken: fc.option(token, { nil: undefined }),
    now: fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    expiresIn: fc.integer({ min: 1, max: 604_800 }),
    versionId: fc.option(text(1), { nil: undefined }),
    disposition: fc.option(text(1), { nil: undefined }),
    responseType: fc.option(text(1), { nil: undefined }),
    contentType: fc.option(fc.oneof(text(0), fc.constantFrom('text/plain;  charset=utf-8', ' a\tb ')), {
      nil: undefined,
    }),
  })
  .map((r) => ({
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: r.secret,
      ...(r.sessionToken ? { sessionToken: r.sessionToken } : {}),
    },
    region: r.region,
    ...r.store,
    bucket: r.bucket,
    key: r.key,
    method: r.method,
    expiresIn: r.expiresIn,
    now: r.now,
    ...(r.method === 'GET'
      ? {
          ...(r.versionId !== undefined ? { versionId: r.versionId } : {}),
          ...(r.disposition !== undefined ? { responseContentDisposition: r.disposition } : {}),
          ...(r.responseType !== undefined ? { responseContentType: r.responseType } : {}),
        }
      : r.contentType !== undefined
        ? { contentType: r.contentType }
        : {}),
  }));

describe('presign against the AWS SDK presigner', () => {
  it('signs every input to the same URL', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const expected = await sdkPresign(input).catch((error: unknown) => error);
        if (expected instanceof Error) {
          await expect(presign(input)).rejects.toBeTruthy();
          return;
        }
        expect((await presign(input)).url).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('signs many links at once exactly as one after another', async () => {
    const samples = fc.sample(inputs, { numRuns: 200, seed: 42 });
    const oneByOne: string[] = [];
    for (const input of samples)
      oneByOne.push(
        await presign(input).then(
          (r) => r.url,
          () => 'refused',
        ),
      );
    const atOnce = await Promise.all(
      samples.map((input) =>
        presign(input).then(
          (r) => r.url,
          () => 'refused',
        ),
      ),
    );
    expect(atOnce).toEqual(oneByOne);
  });

  it('still refuses a bad endpoint on every call after a good one was remembered', async () => {
    const input: PresignInput = {
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
      endpoint: 'http://127.0.0.1:7480',
      bucket: 'b',
      key: 'k',
      method: 'GET',
      expiresIn: 60,
      now: new Date('2026-11-03T10:00:00Z'),
    };
    expect((await presign(input)).url).toMatch(/^http:\/\/127\.0\.0\.1:7480\/b\/k\?/);
    expect((await presign(input)).url).toMatch(/^http:\/\/127\.0\.0\.1:7480\/b\/k\?/);
    for (let i = 0; i < 2; i++) {
      await expect(presign({ ...input, endpoint: 'ftp://127.0.0.1' })).rejects.toBeInstanceOf(PresignError);
    }
  });

  it('checks long and malformed keys as before the short-key shortcut', () => {
    const target = { bucket: 'bucket' };
    expect(() => locate({ ...target, key: 'é'.repeat(512) }, 'us-east-1')).not.toThrow();
    expect(() => locate({ ...target, key: 'é'.repeat(513) }, 'us-east-1')).toThrow(/1026 bytes/);
    expect(() => locate({ ...target, key: '😀'.repeat(170) }, 'us-east-1')).not.toThrow();
    expect(() => locate({ ...target, key: 'a\ud800' }, 'us-east-1')).toThrow(/broken Unicode/);
    expect(() => locate({ ...target, key: '' }, 'us-east-1')).toThrow(/empty/);
  });

  it('signs the same with a cold cache and a warm one', async () => {
    const input: PresignInput = {
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
      bucket: 'examplebucket',
      key: 'test.txt',
      method: 'GET',
      expiresIn: 86_400,
      now: new Date('2013-05-24T00:00:00Z'),
    };
    clearSigningKeys();
    const cold = await presign(input);
    const warm = await presign(input);
    expect(warm.url).toBe(cold.url);
    expect(new URL(warm.url).searchParams.get('X-Amz-Signature')).toBe(DOC_SIGNATURE);
  });
});
