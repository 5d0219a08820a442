import { assertValidBucketName } from './bucket-name';
import { normalizeEndpoint } from './endpoint';
import { PresignError } from './errors';
import { encodeKey, uriEncode } from './key-encoding';
import type { PresignInput } from './presign';

// A bucket that can be the first label of a TLS host name: lowercase letters, digits and hyphens only.
const DNS_LABEL_BUCKET = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

export interface Target {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
}

type TargetInput = Pick<PresignInput, 'bucket' | 'key' | 'endpoint' | 'forcePathStyle' | 'variant'>;

/** Where the request goes: scheme, host, port and the already-encoded canonical path. */
export function locate(input: TargetInput, region: string): Target {
  const { bucket } = input;
  // AWS's naming rules for AWS; S3-compatible stores accept older, laxer names.
  assertValidBucketName(bucket, input.endpoint === undefined ? 'strict' : 'legacy');
  const encodedKey = encodeKey(input.key);
  const bucketIsDnsLabel = DNS_LABEL_BUCKET.test(bucket);

  if (input.endpoint !== undefined) {
    const base = new URL(normalizeEndpoint(input.endpoint));
    const port = base.port === '' ? undefined : Number(base.port);
    const prefix = base.pathname.replace(/\/$/, '');
    if (input.forcePathStyle === false) {
      if (!bucketIsDnsLabel) {
        throw new PresignError(
          'invalid-bucket',
          `The bucket “${bucket}” cannot be part of a host name; turn on path-style addressing for this endpoint.`,
        );
      }
      return {
        protocol: base.protocol,
        hostname: `${bucket}.${base.hostname}`,
        port,
        path: `${prefix}/${encodedKey}`,
      };
    }
    return {
      protocol: base.protocol,
      hostname: base.hostname,
      port,
      path: `${prefix}/${uriEncode(bucket, false)}/${encodedKey}`,
    };
  }

  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  if (input.variant === 'accelerate' || input.variant === 'dualstack-accelerate') {
    if (!bucketIsDnsLabel) {
      throw new PresignError(
        'invalid-bucket',
        `Transfer acceleration needs a bucket name without dots or capitals; “${bucket}” has them. Use the regional endpoint.`,
      );
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
      path: `/${uriEncode(bucket, false)}/${encodedKey}`,
    };
  }
  return { protocol: 'https:', hostname: `${bucket}.${service}.${suffix}`, path: `/${encodedKey}` };
}
