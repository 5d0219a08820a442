import { assertValidBucketName, type BucketRules } from './bucket-name';
import { canonicalSegment, type Endpoint, parseEndpoint } from './endpoint';
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

export type Addressing = 's3-uri' | 'virtual-hosted' | 'path-style' | 'console';
export type AwsVariant = 'dualstack' | 'accelerate' | 'dualstack-accelerate';

/** One S3 object, as named by a URL. Optional fields are absent (not undefined) when the URL does not say. */
export interface S3ObjectRef {
  bucket: string;
  /** The exact, decoded key: no Unicode or path normalization. */
  key: string;
  /** From the host, the console's ?region=, or the X-Amz-Credential scope of a presigned link. */
  region?: string;
  /** Non-AWS stores only: origin plus optional path prefix, as normalizeEndpoint() writes it. */
  endpoint?: string;
  variant?: AwsVariant;
  versionId?: string;
  addressing: Addressing;
  /** The input already carried a signature (SigV4 X-Amz-* or legacy Signature+AWSAccessKeyId). */
  presigned: boolean;
}

// An AWS region name: us-east-1, eu-central-2, us-gov-west-1, cn-north-1.
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';
const REGION_RE = new RegExp(`^${REGION}$`);

/** What the host tells us before the path is read. */
interface HostInfo {
  hostBucket?: string;
  rules: BucketRules;
  region?: string;
  endpoint?: string;
  variant?: AwsVariant;
  /** The raw path after the endpoint's own prefix: '' or starting with '/'. */
  rawPath: string;
}

/** Matches the part of an AWS host before ".amazonaws.com": optional bucket labels, then the service part. */
function awsForm(service: string): RegExp {
  // Greedy on purpose: a dotted bucket keeps all its labels and the service part is the shortest that fits.
  return new RegExp(`^(?:(?<bucket>.+)\\.)?(?:${service})$`);
}

const AWS_REST_FORMS: ReadonlyArray<{ form: RegExp; region?: string; variant?: AwsVariant }> = [
  { form: awsForm('s3') },
  { form: awsForm(`s3[.-](?<region>${REGION})`) },
  { form: awsForm(`s3\\.dualstack\\.(?<region>${REGION})`), variant: 'dualstack' },
  { form: awsForm('s3-accelerate'), variant: 'accelerate' },
  { form: awsForm('s3-accelerate\\.dualstack'), variant: 'dualstack-accelerate' },
  { form: awsForm('s3-external-1'), region: 'us-east-1' },
];
const WEBSITE_FORM = awsForm(`s3-website[.-]${REGION}`);
const ACCESS_POINT_FORM = awsForm(
  `(?:s3-accesspoint(?:\\.dualstack)?|s3-object-lambda|s3-outposts)\\.${REGION}|accesspoint\\.s3-global`,
);
const UNSUPPORTED_FORM = awsForm(`s3-fips(?:\\.dualstack)?[.-]${REGION}|s3express-[a-z0-9-]+\\.${REGION}`);

// ACCOUNT is Cloudflare's 32-hex account id, optionally followed by a jurisdiction label (eu, fedramp).
const R2_HOST = /^(?:(?<bucket>.+)\.)?(?<account>[0-9a-f]{32}(?:\.[a-z]+)?)\.r2\.cloudflarestorage\.com$/;
const CONSOLE_HOST =
  /^(?:(?<sub>[a-z0-9-]+)\.)?console\.(?:aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)$/;
// s3a:// and s3n:// are Hadoop's names for the same URIs.
const S3_SCHEMES = new Set(['s3', 's3a', 's3n']);

const accessPointError = (what: string): PresignError =>
  new PresignError(
    'access-point',
    `${what} are not supported yet: use the bucket's own URL (https://BUCKET.s3.REGION.amazonaws.com/KEY) or s3://BUCKET/KEY.`,
  );

const notS3Error = (host: string): PresignError =>
  new PresignError(
    'not-s3',
    `${host} is not an S3 host. If it is an S3-compatible store (MinIO, Ceph…), add its endpoint to a profile.`,
  );

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
  return { presigned, region: region && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(region) ? region : undefined };
}

/** The bucket, region and variant an amazonaws.com host names; undefined for hosts that are not AWS S3. */
function awsHost(host: string, rawPath: string): HostInfo | undefined {
  const [, service = '', china] = /^(.+)\.amazonaws\.com(\.cn)?$/.exec(host) ?? [];
  if (!service) return undefined;
  if (WEBSITE_FORM.test(service)) {
    throw new PresignError(
      'website-endpoint',
      `${host} is an S3 website endpoint: website endpoints serve public files only and cannot use signed links. Use the bucket's REST URL instead (https://BUCKET.s3.REGION.amazonaws.com/KEY).`,
    );
  }
  if (ACCESS_POINT_FORM.test(service)) {
    throw accessPointError('Access points, Multi-Region Access Points and Object Lambda access points');
  }
  if (UNSUPPORTED_FORM.test(service)) {
    throw new PresignError(
      'not-s3',
      `${host} is a FIPS or S3 Express One Zone endpoint, which is not supported yet: use the bucket's standard URL.`,
    );
  }
  for (const { form, region, variant } of AWS_REST_FORMS) {
    const groups = form.exec(service)?.groups;
    if (!groups) continue;
    const info: HostInfo = {
      hostBucket: groups.bucket,
      rules: 'strict',
      region: groups.region ?? region,
      variant,
      rawPath,
    };
    // There is no global China endpoint: without a region the signer would pick the wrong partition.
    if (china && !info.region) throw notS3Error(host);
    return info;
  }
  return undefined;
}

/** Cloudflare R2's S3 API hosts, path-style or virtual-hosted; the jurisdiction label stays in the endpoint. */
function r2Host(url: URL, host: string, rawPath: string): HostInfo | undefined {
  if (/(^|\.)r2\.dev$/.test(host)) {
    throw new PresignError(
      'website-endpoint',
      `${host} is an R2 public bucket URL: it serves public files only and cannot use signed links. Use the S3 API URL (https://ACCOUNT.r2.cloudflarestorage.com/BUCKET/KEY).`,
    );
  }
  const groups = R2_HOST.exec(host)?.groups;
  if (!groups) return undefined;
  const port = url.port ? `:${url.port}` : '';
  const endpoint = `${url.protocol}//${groups.account}.r2.cloudflarestorage.com${port}`;
  return { hostBucket: groups.bucket, rules: 'strict', region: 'auto', endpoint, rawPath };
}

/** Path-style under the user's endpoints: same scheme, host and port, prefix on a segment boundary, longest wins. */
function knownEndpointHost(
  url: URL,
  rawPath: string,
  knownEndpoints: readonly string[],
): HostInfo | undefined {
  const origin = `${url.protocol}//${url.host}`;
  const pathSegments = rawPath.split('/').slice(1);
  let best: Endpoint | undefined;
  for (const text of knownEndpoints) {
    let endpoint: Endpoint;
    try {
      endpoint = parseEndpoint(text);
    } catch {
      continue; // The options page validates endpoints; a broken one here simply matches nothing.
    }
    if (endpoint.origin !== origin || (best && best.segments.length >= endpoint.segments.length)) continue;
    if (endpoint.segments.every((segment, i) => canonicalSegment(pathSegments[i] ?? '') === segment)) {
      best = endpoint;
    }
  }
  if (!best) return undefined;
  const endpoint = best.origin + best.segments.map((segment) => `/${segment}`).join('');
  return { rules: 'legacy', endpoint, rawPath: `/${pathSegments.slice(best.segments.length).join('/')}` };
}

/** Checks what every form shares and drops the optional fields the URL did not give. */
function finish({
  rules,
  region,
  endpoint,
  variant,
  versionId,
  ...ref
}: S3ObjectRef & { rules: BucketRules }): S3ObjectRef {
  if (ref.bucket === '') {
    throw new PresignError('no-key', 'This link names no bucket and no object: copy the link of an object.');
  }
  assertValidBucketName(ref.bucket, rules);
  if (ref.key === '') {
    throw new PresignError(
      'no-key',
      `This link names the bucket "${ref.bucket}" but no object: open an object in it and copy that link.`,
    );
  }
  if (ref.key.endsWith('/')) {
    throw new PresignError(
      'no-key',
      'This link ends with "/", so it names a folder, not an object: open an object in it and copy that link.',
    );
  }
  assertValidKey(ref.key);
  return {
    ...ref,
    ...(region !== undefined && { region }),
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
  return finish({
    bucket: info.hostBucket ?? percentDecode(rawBucket),
    key: percentDecode(rawKey),
    rules: info.rules,
    region: info.region ?? signature.region,
    endpoint: info.endpoint,
    variant: info.variant,
    versionId: param(query, 'versionId'),
    addressing: pathStyle ? 'path-style' : 'virtual-hosted',
    presigned: signature.presigned,
  });
}

/** S3 console object pages: /s3/object/BUCKET?region=…&prefix=KEY (older consoles: /s3/object/BUCKET/KEY). */
function readConsolePage(sub: string | undefined, raw: RawUrl, query: readonly QueryParam[]): S3ObjectRef {
  const [, service, page, rawBucket = '', ...rest] = raw.path.split('/');
  if (service !== 's3') {
    throw new PresignError(
      'not-s3',
      'This AWS console page is not an S3 page: open the object in the S3 console.',
    );
  }
  const prefix = param(query, 'prefix');
  if (page !== 'object') {
    const what = rawBucket === '' ? 'an overview' : prefix ? 'a folder' : 'a bucket';
    throw new PresignError(
      'no-key',
      `This S3 console page shows ${what}, not an object: open an object and copy that page's URL.`,
    );
  }
  const region = [param(query, 'region'), sub].find((name) => name !== undefined && REGION_RE.test(name));
  return finish({
    bucket: percentDecode(rawBucket),
    key: prefix ?? percentDecode(rest.join('/')),
    rules: 'strict',
    region,
    versionId: param(query, 'versionId'),
    addressing: 'console',
    presigned: false,
  });
}

function readHttpUrl(text: string, knownEndpoints: readonly string[]): S3ObjectRef {
  const raw = splitRawUrl(text);
  if (raw.authority.includes('@')) {
    throw new PresignError('not-a-url', 'This link holds a user name or password: S3 object links never do.');
  }
  // With a backslash `new URL` would see another host than the raw text we cut the path from.
  const url = raw.authority.includes('\\') ? undefined : toUrl(text);
  if (!url) throw new PresignError('not-a-url', 'This link is malformed: copy the object URL again.');
  const host = url.hostname.replace(/\.$/, '');
  const query = parseQuery(raw.query);
  const consolePage = CONSOLE_HOST.exec(host);
  if (consolePage) return readConsolePage(consolePage.groups?.sub, raw, query);
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

/** Reads one S3 object from a URL; throws PresignError with a user-facing message on anything else. */
export function parseS3Url(input: string, knownEndpoints: readonly string[] = []): S3ObjectRef {
  const text = input.trim();
  if (text === '') {
    throw new PresignError(
      'not-a-url',
      'Nothing to read: paste the URL of an S3 object (https://… or s3://bucket/key).',
    );
  }
  if (/^(?:s3[an]?:\/\/)?arn:/i.test(text)) throw accessPointError('ARNs (arn:aws:s3:…)');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    throw new PresignError(
      'not-a-url',
      'This is not a link: paste the full URL of an S3 object, starting with https://, http:// or s3://.',
    );
  }
  if (S3_SCHEMES.has(scheme)) return readS3Uri(text);
  if (scheme === 'http' || scheme === 'https') return readHttpUrl(text, knownEndpoints);
  throw new PresignError(
    'not-s3',
    `Links starting with ${scheme}:// are not S3 object URLs: use the object's https:// or s3:// URL.`,
  );
}
