import { i18n } from '#i18n';
import { PresignError } from './errors';
import { type ExpiryWarning, resolveExpiry } from './expiry';
import type { AwsVariant } from './parse-s3-url';
import { isScopeRegion, isSigningRegion } from './region';
import { locate } from './request-target';
import { signingKey } from './signing-key-cache';
import {
  ALGORITHM,
  amzDate,
  canonicalRequest,
  credentialScope,
  type EncodedParam,
  encodeParam,
  signedHeaderNames,
  stringToSign,
  toHex,
} from './sigv4';

export type HttpMethod = 'GET' | 'PUT';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present for temporary (STS) credentials; sent as X-Amz-Security-Token. */
  sessionToken?: string;
  /** When temporary credentials end, if known: links are cut to it. */
  expiration?: Date;
}

export interface PresignInput {
  credentials: Credentials;
  /** Signing region; 'us-east-1' when not given. R2 uses 'auto'. */
  region?: string;
  /** An S3-compatible store's base URL (origin and optional path prefix). Omitted for AWS. */
  endpoint?: string;
  /** Put the bucket in the path. Default: true for custom endpoints, false for AWS (unless the name needs it). */
  forcePathStyle?: boolean;
  /** AWS dualstack or transfer-acceleration host. */
  variant?: AwsVariant;
  bucket: string;
  key: string;
  method: HttpMethod;
  /** Requested lifetime in seconds (1 to 604,800); cut to the credentials' end when that comes first. */
  expiresIn: number;
  /** The signing clock. */
  now: Date;
  versionId?: string;
  /** GET only: makes S3 answer with this Content-Disposition (e.g. a download filename). */
  responseContentDisposition?: string;
  /** GET only: makes S3 answer with this Content-Type. */
  responseContentType?: string;
  /** PUT only: signs a Content-Type the uploader must then send. */
  contentType?: string;
}

export type PresignWarning = ExpiryWarning | { code: 'required-header' | 'dot-segment'; message: string };

export interface PresignResult {
  url: string;
  method: HttpMethod;
  expiresIn: number;
  expiresAt: Date;
  /** Headers the person using the link must send exactly as given (a signed Content-Type for PUT). */
  requiredHeaders: Record<string, string>;
  warnings: PresignWarning[];
}

const SERVICE = 's3';
/** A `.` or `..` folder anywhere in a key. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
const encoder = new TextEncoder();
let scratch = new Uint8Array(2048);

/**
 * UTF-8 of `text` in a buffer reused from call to call, valid only until the next call: hand it straight to
 * crypto.subtle, which copies its input when called. It saves allocating (and collecting) a buffer per hash.
 */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}

/**
 * Builds a SigV4 query-authenticated URL for one object and one method, signed locally with the given keys.
 * The signing key is derived once per (secret, day, region) and cached in memory (utils/signing-key-cache.ts),
 * so a link costs one SHA-256 digest and one HMAC through WebCrypto.
 */
export async function presign(input: PresignInput): Promise<PresignResult> {
  const credentials = checkCredentials(input.credentials);
  const region = checkRegion(input.region ?? 'us-east-1', input.endpoint);
  const userParams = userQuery(input);
  const target = locate(input, region);
  const expiry = resolveExpiry(
    input.expiresIn,
    input.now,
    credentials.expiration,
    Boolean(credentials.sessionToken),
  );

  const host = target.port === undefined ? target.hostname : `${target.hostname}:${target.port}`;
  // Only host (and a PUT's Content-Type when asked) is signed, and the payload is UNSIGNED-PAYLOAD with no
  // x-amz-content-sha256 parameter: the link S3's documentation shows, and no parameter that some
  // S3-compatible stores reject on upload.
  const headers: Record<string, string> = { host };
  const requiredHeaders: Record<string, string> = {};
  if (input.contentType !== undefined) {
    headers['content-type'] = input.contentType;
    requiredHeaders['Content-Type'] = input.contentType;
  }

  const longDate = amzDate(input.now);
  const shortDate = longDate.slice(0, 8);
  const scope = credentialScope(shortDate, region, SERVICE);
  // Started before hashing: on a cache miss the derivation runs while the canonical request is hashed.
  const key = signingKey(credentials.secretAccessKey, shortDate, region, SERVICE);
  // The order the AWS SDK's presigner used, so links stay byte for byte what they were.
  const query: EncodedParam[] = [
    ...userParams,
    ...(credentials.sessionToken ? [encodeParam('X-Amz-Security-Token', credentials.sessionToken)] : []),
    encodeParam('X-Amz-Algorithm', ALGORITHM),
    encodeParam('X-Amz-Credential', `${credentials.accessKeyId}/${scope}`),
    encodeParam('X-Amz-Date', longDate),
    encodeParam('X-Amz-Expires', String(expiry.expiresIn)),
    encodeParam('X-Amz-SignedHeaders', signedHeaderNames(headers)),
  ];
  const request = canonicalRequest({ method: input.method, path: target.path, query, headers });
  const requestHash = toHex(await crypto.subtle.digest('SHA-256', utf8(request)));
  const hmacKey = await key;
  const signature = await crypto.subtle.sign(
    'HMAC',
    hmacKey,
    utf8(stringToSign(longDate, scope, requestHash)),
  );
  query.push({ name: 'X-Amz-Signature', value: toHex(signature) });

  const warnings: PresignWarning[] = [...expiry.warnings];
  if (DOT_SEGMENT.test(input.key)) {
    warnings.push({
      code: 'dot-segment',
      message: i18n.t('presign.dotSegment'),
    });
  }
  if (input.contentType !== undefined) {
    warnings.push({
      code: 'required-header',
      message: i18n.t('presign.requiredHeader', { type: input.contentType }),
    });
  }
  return {
    url: `${target.protocol}//${host}${target.path}?${serializeQuery(query)}`,
    method: input.method,
    expiresIn: expiry.expiresIn,
    expiresAt: expiry.expiresAt,
    requiredHeaders,
    warnings,
  };
}

function checkCredentials(credentials: Credentials): Credentials {
  const { accessKeyId, secretAccessKey } = credentials;
  if (!accessKeyId || /\s/.test(accessKeyId)) {
    throw new PresignError(
      'invalid-credentials',
      accessKeyId ? i18n.t('presign.keyIdSpaces') : i18n.t('presign.noKeyId'),
    );
  }
  if (!secretAccessKey) throw new PresignError('invalid-credentials', i18n.t('presign.noSecret'));
  if (/\s/.test(secretAccessKey)) {
    throw new PresignError('invalid-credentials', i18n.t('presign.secretSpaces'));
  }
  if (credentials.sessionToken !== undefined && /\s/.test(credentials.sessionToken)) {
    throw new PresignError('invalid-credentials', i18n.t('presign.tokenSpaces'));
  }
  return credentials;
}

function checkRegion(region: string, endpoint: string | undefined): string {
  // AWS hosts are built from the region; a custom endpoint's server only compares the scope's region.
  if (endpoint ? !isScopeRegion(region) : !isSigningRegion(region)) {
    throw new PresignError('invalid-region', i18n.t('presign.badRegion', { region }));
  }
  return region;
}

/** The query parameters the user asked for, checked against the method, encoded, in a fixed order. */
function userQuery(input: PresignInput): EncodedParam[] {
  const query: EncodedParam[] = [];
  // Most links carry none of these: nothing to check, no table to build.
  const plain =
    input.versionId === undefined &&
    input.responseContentDisposition === undefined &&
    input.responseContentType === undefined;
  if (plain && (input.contentType === undefined || input.method === 'PUT')) return query;
  const getOnly = {
    versionId: input.versionId,
    'response-content-disposition': input.responseContentDisposition,
    'response-content-type': input.responseContentType,
  };
  for (const [name, value] of Object.entries(getOnly)) {
    if (value === undefined) continue;
    if (input.method !== 'GET') {
      throw new PresignError('invalid-request', i18n.t('presign.getOnly', { name }));
    }
    if (value === '') throw new PresignError('invalid-request', i18n.t('presign.emptyParam', { name }));
    query.push(encodeParam(name, value));
  }
  if (input.contentType !== undefined && input.method !== 'PUT') {
    throw new PresignError('invalid-request', i18n.t('presign.putOnly'));
  }
  return query;
}

/** The query string, from the same encoded parameters that were signed. */
function serializeQuery(query: readonly EncodedParam[]): string {
  let out = '';
  for (const param of query) out += `${out === '' ? '' : '&'}${param.name}=${param.value}`;
  return out;
}
