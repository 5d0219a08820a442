import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import { PresignError } from './errors';
import { type ExpiryWarning, resolveExpiry } from './expiry';
import { uriEncode } from './key-encoding';
import type { AwsVariant } from './parse-s3-url';
import { isSigningRegion } from './region';
import { locate } from './request-target';
import { WebCryptoSha256 } from './webcrypto-sha256';

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

const SHA256_HEADER = 'x-amz-content-sha256';

/** Builds a SigV4 query-authenticated URL for one object and one method, signed locally with the given keys. */
export async function presign(input: PresignInput): Promise<PresignResult> {
  const credentials = checkCredentials(input.credentials);
  const region = checkRegion(input.region ?? 'us-east-1');
  const query = userQuery(input);
  const target = locate(input, region);
  const expiry = resolveExpiry(input.expiresIn, input.now, credentials.expiration);

  const headers: Record<string, string> = {
    host: target.port === undefined ? target.hostname : `${target.hostname}:${target.port}`,
  };
  const requiredHeaders: Record<string, string> = {};
  const signableHeaders = new Set<string>();
  if (input.contentType !== undefined) {
    headers['content-type'] = input.contentType;
    requiredHeaders['Content-Type'] = input.contentType;
    signableHeaders.add('content-type');
  }

  const request: HttpRequest = { method: input.method, ...target, query, headers };
  const presigner = new S3RequestPresigner({
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    region,
    sha256: WebCryptoSha256,
  });
  // The presigner marks the payload UNSIGNED-PAYLOAD through an x-amz-content-sha256 header. Keeping that
  // header out of both the query and the signed headers yields the link S3's documentation shows, and leaves
  // no parameter that some S3-compatible stores reject on upload.
  const signed = await presigner.presign(request, {
    signingDate: input.now,
    expiresIn: expiry.expiresIn,
    unhoistableHeaders: new Set([SHA256_HEADER]),
    unsignableHeaders: new Set([SHA256_HEADER]),
    signableHeaders,
  });

  const warnings: PresignWarning[] = [...expiry.warnings];
  if (input.key.split('/').some((segment) => segment === '.' || segment === '..')) {
    warnings.push({
      code: 'dot-segment',
      message:
        'The key has a folder named “.” or “..”, which browsers rewrite before sending: this link works with tools that send the path as it is (curl --path-as-is), not in a browser.',
    });
  }
  if (input.contentType !== undefined) {
    warnings.push({
      code: 'required-header',
      message: `Whoever uploads with this link must send the header “Content-Type: ${input.contentType}”, or S3 refuses the upload.`,
    });
  }
  return {
    url: `${target.protocol}//${headers.host}${target.path}?${serializeQuery(signed.query ?? {})}`,
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
      accessKeyId
        ? 'The access key ID contains spaces or line breaks: paste it again.'
        : 'The access key ID is missing.',
    );
  }
  if (!secretAccessKey) throw new PresignError('invalid-credentials', 'The secret access key is missing.');
  if (/\s/.test(secretAccessKey)) {
    throw new PresignError(
      'invalid-credentials',
      'The secret access key contains spaces or line breaks: paste it again.',
    );
  }
  if (credentials.sessionToken !== undefined && /\s/.test(credentials.sessionToken)) {
    throw new PresignError(
      'invalid-credentials',
      'The session token contains spaces or line breaks: paste it again.',
    );
  }
  return credentials;
}

function checkRegion(region: string): string {
  if (!isSigningRegion(region)) {
    throw new PresignError(
      'invalid-region',
      `“${region}” is not a region name. Use one like us-east-1 or eu-west-3 (or “auto” for Cloudflare R2).`,
    );
  }
  return region;
}

/** The query parameters the user asked for, checked against the method. */
function userQuery(input: PresignInput): QueryParameterBag {
  const query: QueryParameterBag = {};
  const getOnly = {
    versionId: input.versionId,
    'response-content-disposition': input.responseContentDisposition,
    'response-content-type': input.responseContentType,
  };
  for (const [name, value] of Object.entries(getOnly)) {
    if (value === undefined) continue;
    if (input.method !== 'GET') {
      throw new PresignError(
        'invalid-request',
        `“${name}” applies to download (GET) links only, not uploads.`,
      );
    }
    if (value === '')
      throw new PresignError('invalid-request', `“${name}” is empty: fill it in or leave it out.`);
    query[name] = value;
  }
  if (input.contentType !== undefined && input.method !== 'PUT') {
    throw new PresignError('invalid-request', 'A Content-Type to sign applies to upload (PUT) links only.');
  }
  return query;
}

/** Query string with every name and value SigV4-encoded, so the URL is exactly what was signed. */
function serializeQuery(query: QueryParameterBag): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(
        item === null ? uriEncode(name, false) : `${uriEncode(name, false)}=${uriEncode(item, false)}`,
      );
    }
  }
  return parts.join('&');
}
