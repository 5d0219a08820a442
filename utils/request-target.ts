import { i18n } from '#i18n';
import { assertValidBucketName } from './bucket-name';
import { normalizeEndpoint } from './endpoint';
import { PresignError } from './errors';
import { assertValidKey } from './key-encoding';
import type { PresignInput } from './presign';
import { sigv4Encode } from './sigv4-encode';

// A bucket that can be the first label of a TLS host name: lowercase letters, digits and hyphens only.
const DNS_LABEL_BUCKET = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

export interface Target {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
}

type TargetInput = Pick<PresignInput, 'bucket' | 'key' | 'endpoint' | 'forcePathStyle' | 'variant'>;

interface ParsedEndpoint {
  protocol: string;
  hostname: string;
  port: number | undefined;
  /** Path prefix without a trailing slash, already encoded. */
  prefix: string;
}

// Parsing an endpoint (validation and two URL parses) cost more than hashing a link; a profile's endpoint is
// the same string link after link, so each one is parsed once. Endpoints are not secret.
const MAX_ENDPOINTS = 16;
const endpoints = new Map<string, ParsedEndpoint>();

function parseEndpointOnce(endpoint: string): ParsedEndpoint {
  const known = endpoints.get(endpoint);
  if (known) return known;
  const base = new URL(normalizeEndpoint(endpoint));
  const parsed: ParsedEndpoint = {
    protocol: base.protocol,
    hostname: base.hostname,
    port: base.port === '' ? undefined : Number(base.port),
    prefix: base.pathname.replace(/\/$/, ''),
  };
  if (endpoints.size >= MAX_ENDPOINTS) endpoints.delete(endpoints.keys().next().value as string);
  endpoints.set(endpoint, parsed);
  return parsed;
}

/** Where the request goes: scheme, host, port and the already-encoded canonical path. */
export function locate(input: TargetInput, region: string): Target {
  const { bucket } = input;
  // AWS's naming rules for AWS; S3-compatible stores accept older, laxer names.
  assertValidBucketName(bucket, input.endpoint === undefined ? 'strict' : 'legacy');
  // Most keys are short and well-formed, which is all the check asks (3 bytes per UTF-16 unit at most, so
  // 341 units cannot pass 1,024 bytes): those skip its UTF-8 encoding, a buffer allocated per link.
  if (input.key.length === 0 || input.key.length > 341 || !input.key.isWellFormed())
    assertValidKey(input.key);
  const encodedKey = sigv4Encode(input.key, true);
  const bucketIsDnsLabel = DNS_LABEL_BUCKET.test(bucket);

  if (input.endpoint !== undefined) {
    const { protocol, hostname, port, prefix } = parseEndpointOnce(input.endpoint);
    if (input.forcePathStyle === false) {
      if (!bucketIsDnsLabel) {
        throw new PresignError('invalid-bucket', i18n.t('requestTarget.notHostName', { bucket }));
      }
      return {
        protocol,
        hostname: `${bucket}.${hostname}`,
        port,
        path: `${prefix}/${encodedKey}`,
      };
    }
    return { protocol, hostname, port, path: `${prefix}/${sigv4Encode(bucket, false)}/${encodedKey}` };
  }

  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  if (input.variant === 'accelerate' || input.variant === 'dualstack-accelerate') {
    if (!bucketIsDnsLabel) {
      throw new PresignError('invalid-bucket', i18n.t('requestTarget.acceleration', { bucket }));
    }
    const host = input.variant === 'accelerate' ? 's3-accelerate' : 's3-accelerate.dualstack';
    return { protocol: 'https:', hostname: `${bucket}.${host}.${suffix}`, path: `/${encodedKey}` };
  }
  // us-east-1 answers on the original global host, which is also the host S3's documentation signs for.
  const service =
    input.variant === 'dualstack' ? `s3.dualstack.${region}` : region === 'us-east-1' ? 's3' : `s3.${region}`;
  // Names with dots break the TLS wildcard certificate when used as a subdomain, so they go in the path.
  if (input.forcePathStyle || !bucketIsDnsLabel) {
    return {
      protocol: 'https:',
      hostname: `${service}.${suffix}`,
      path: `/${sigv4Encode(bucket, false)}/${encodedKey}`,
    };
  }
  return { protocol: 'https:', hostname: `${bucket}.${service}.${suffix}`, path: `/${encodedKey}` };
}
