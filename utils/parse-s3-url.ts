import { i18n } from '#i18n';
import { assertValidBucketName, type BucketRules } from './bucket-name';
import { PresignError } from './errors';
import { assertValidKey } from './key-encoding';
import {
  param,
  parseQuery,
  percentDecode,
  type QueryParam,
  type RawUrl,
  SCHEME,
  splitRawUrl,
  toUrl,
} from './raw-url';
import { type AwsPartition, isSigningRegion, partitionOf } from './region';
import {
  accessPointError,
  awsHost,
  type HostInfo,
  type KnownEndpoint,
  knownEndpointHost,
  notS3Error,
  REGION_RE,
  r2Host,
} from './s3-hosts';

export type Addressing = 's3-uri' | 'virtual-hosted' | 'path-style' | 'console';
export type AwsVariant = 'dualstack' | 'accelerate' | 'dualstack-accelerate';

/** One S3 object, as named by a URL. Optional fields are absent (not undefined) when the URL does not say. */
export interface S3ObjectRef {
  bucket: string;
  /** The exact, decoded key: no Unicode or path normalization. */
  key: string;
  /** From the host, the console's ?region=, or the X-Amz-Credential scope of a presigned link. */
  region?: string;
  /**
   * A region the URL suggests without stating it for the bucket: the console's own subdomain (the console shows
   * any bucket from any region). Used only when nothing better is known, not even a region learnt for the bucket.
   */
  regionHint?: string;
  /** AWS links (hosts and console pages): the partition they belong to; absent for s3:// URIs, which name none. */
  partition?: AwsPartition;
  /** Non-AWS stores only: origin plus optional path prefix, as normalizeEndpoint() writes it. */
  endpoint?: string;
  variant?: AwsVariant;
  versionId?: string;
  addressing: Addressing;
  /** The input already carried a signature (SigV4 X-Amz-* or legacy Signature+AWSAccessKeyId). */
  presigned: boolean;
}

const CONSOLE_HOST =
  /^(?:(?<sub>[a-z0-9-]+)\.)?console\.(?<domain>aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)$/;
const CONSOLE_PARTITIONS: Record<string, AwsPartition> = {
  'aws.amazon.com': 'aws',
  'amazonaws.cn': 'aws-cn',
  'amazonaws-us-gov.com': 'aws-us-gov',
};
// s3a:// and s3n:// are Hadoop's names for the same URIs.
const S3_SCHEMES = new Set(['s3', 's3a', 's3n']);

/** Whether the link already carries a signature, and the region named by its SigV4 credential scope. */
function readSignature(query: readonly QueryParam[]): { presigned: boolean; region?: string } {
  const names = new Set(query.map((p) => p.name.toLowerCase()));
  const presigned =
    names.has('x-amz-signature') ||
    names.has('x-amz-credential') ||
    (names.has('signature') && names.has('awsaccesskeyid'));
  // The scope is AKID/YYYYMMDD/REGION/SERVICE/aws4_request.
  const scope = param(query, 'X-Amz-Credential', true)?.split('/');
  const region = scope?.length === 5 && scope[4] === 'aws4_request' ? scope[2] : undefined;
  // Only a name the signer accepts as a region; anything else leaves the choice to the profile.
  return { presigned, region: region && isSigningRegion(region) ? region : undefined };
}

/** Checks what every form shares and drops the optional fields the URL did not give. */
function finish({
  rules,
  region,
  regionHint,
  partition,
  endpoint,
  variant,
  versionId,
  ...ref
}: S3ObjectRef & { rules: BucketRules }): S3ObjectRef {
  if (ref.bucket === '') {
    throw new PresignError('no-key', i18n.t('parseUrl.noBucket'));
  }
  assertValidBucketName(ref.bucket, rules);
  if (ref.key === '') {
    throw new PresignError('no-key', i18n.t('parseUrl.noObject', { bucket: ref.bucket }));
  }
  if (ref.key.endsWith('/')) {
    throw new PresignError('no-key', i18n.t('parseUrl.folder'));
  }
  assertValidKey(ref.key);
  return {
    ...ref,
    ...(region !== undefined && { region }),
    ...(regionHint !== undefined && { regionHint }),
    ...(partition !== undefined && { partition }),
    ...(endpoint !== undefined && { endpoint }),
    ...(variant !== undefined && { variant }),
    ...(versionId !== undefined && { versionId }),
  };
}

/** "bucket/rest/of/key" → ["bucket", "rest/of/key"]; no slash → [text, ""]. */
function splitAtSlash(text: string): [string, string] {
  const slash = text.indexOf('/');
  return slash < 0 ? [text, ''] : [text.slice(0, slash), text.slice(slash + 1)];
}

/** Reads bucket and key from the path, after the host has said whether the bucket is in the host. */
function readObject(info: HostInfo, query: readonly QueryParam[]): S3ObjectRef {
  const signature = readSignature(query);
  const path = info.rawPath.slice(1);
  const pathStyle = info.hostBucket === undefined;
  // Split on the raw '/' before decoding, so an encoded %2F stays inside the key.
  const [rawBucket, rawKey] = pathStyle ? splitAtSlash(path) : ['', path];
  // A signature scoped to another partition than the host's names no region this host can serve.
  const signedRegion =
    signature.region !== undefined &&
    (info.partition === undefined || partitionOf(signature.region) === info.partition)
      ? signature.region
      : undefined;
  return finish({
    bucket: info.hostBucket ?? percentDecode(rawBucket),
    key: percentDecode(rawKey),
    rules: info.rules,
    region: info.region ?? signedRegion,
    partition: info.partition,
    endpoint: info.endpoint,
    variant: info.variant,
    versionId: param(query, 'versionId'),
    addressing: pathStyle ? 'path-style' : 'virtual-hosted',
    presigned: signature.presigned,
  });
}

/** S3 console object pages: /s3/object/BUCKET?region=…&prefix=KEY (older consoles: /s3/object/BUCKET/KEY). */
function readConsolePage(
  host: { sub?: string | undefined; partition: AwsPartition },
  raw: RawUrl,
  query: readonly QueryParam[],
): S3ObjectRef {
  const [, service, page, rawBucket = '', ...rest] = raw.path.split('/');
  if (service !== 's3') {
    throw new PresignError('not-s3', i18n.t('parseUrl.notS3Console'));
  }
  const prefix = param(query, 'prefix');
  if (page !== 'object') {
    const shows =
      rawBucket === ''
        ? 'parseUrl.consoleOverview'
        : prefix
          ? 'parseUrl.consoleFolder'
          : 'parseUrl.consoleBucket';
    throw new PresignError('no-key', i18n.t(shows));
  }
  // ?region= is the bucket's. The subdomain is only the console's own region (any bucket can be opened from
  // any), so it is a hint. Neither counts when it belongs to another partition than the console's.
  const inPartition = (name: string | undefined): string | undefined =>
    name !== undefined && REGION_RE.test(name) && partitionOf(name) === host.partition ? name : undefined;
  return finish({
    bucket: percentDecode(rawBucket),
    key: prefix ?? percentDecode(rest.join('/')),
    rules: 'strict',
    region: inPartition(param(query, 'region')),
    regionHint: inPartition(host.sub),
    partition: host.partition,
    versionId: param(query, 'versionId'),
    addressing: 'console',
    presigned: false,
  });
}

function readHttpUrl(text: string, knownEndpoints: readonly KnownEndpoint[]): S3ObjectRef {
  const raw = splitRawUrl(text);
  if (raw.authority.includes('@')) {
    throw new PresignError('not-a-url', i18n.t('parseUrl.userInfo'));
  }
  // With a backslash `new URL` would see another host than the raw text we cut the path from.
  const url = raw.authority.includes('\\') ? undefined : toUrl(text);
  if (!url) throw new PresignError('not-a-url', i18n.t('parseUrl.malformed'));
  const host = url.hostname.replace(/\.$/, '');
  const query = parseQuery(raw.query);
  const consolePage = CONSOLE_HOST.exec(host)?.groups;
  if (consolePage) {
    const partition = CONSOLE_PARTITIONS[consolePage.domain as string] as AwsPartition;
    return readConsolePage({ sub: consolePage.sub, partition }, raw, query);
  }
  const info =
    awsHost(host, raw.path) ??
    r2Host(url, host, raw.path) ??
    knownEndpointHost(url, raw.path, knownEndpoints);
  if (!info) throw notS3Error(host);
  return readObject(info, query);
}

// s3:// URIs are read the way the AWS CLI reads them: everything after the bucket is the key, literally ('%',
// '?', '#' and spaces included). One exception: a link clicked in a page reaches us percent-encoded (href
// "s3://b/my file" arrives as "s3://b/my%20file"). So when the text has no whitespace and nothing but ASCII, as
// a browser-made URL would, and holds at least one valid %XX escape, it is percent-decoded (strictly).
function readS3Uri(text: string): S3ObjectRef {
  const [bucket, key] = splitAtSlash(text.slice(text.indexOf('://') + 3));
  const browserEncoded = /^[!-~]*$/.test(text) && /%[0-9A-Fa-f]{2}/.test(text);
  const decode = browserEncoded ? percentDecode : (raw: string) => raw;
  return finish({
    bucket: decode(bucket),
    key: decode(key),
    rules: 'strict',
    addressing: 's3-uri',
    presigned: false,
  });
}

/**
 * Reads one S3 object from a URL; throws PresignError with a user-facing message on anything else.
 * `knownEndpoints`: the custom endpoints of the user's profiles (utils/choose-profile's knownEndpoints).
 */
export function parseS3Url(input: string, knownEndpoints: readonly KnownEndpoint[] = []): S3ObjectRef {
  const text = input.trim();
  if (text === '') {
    throw new PresignError('not-a-url', i18n.t('parseUrl.empty'));
  }
  if (/^(?:s3[an]?:\/\/)?arn:/i.test(text)) throw accessPointError('arns');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new PresignError('not-a-url', i18n.t('parseUrl.notLink'));
  }
  if (S3_SCHEMES.has(scheme)) return readS3Uri(text);
  if (scheme === 'http' || scheme === 'https') return readHttpUrl(text, knownEndpoints);
  throw new PresignError('not-s3', i18n.t('parseUrl.scheme', { scheme }));
}
