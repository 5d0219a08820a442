import { i18n } from '#i18n';
import type { BucketRules } from './bucket-name';
import { canonicalSegment, type Endpoint, parseEndpoint } from './endpoint';
import { PresignError } from './errors';
import type { AwsVariant } from './parse-s3-url';
import { type AwsPartition, partitionOf } from './region';

// Which S3 service a host name belongs to: AWS (with region and variant), Cloudflare R2, or one of the user's
// custom endpoints; and the hosts that look like S3 but cannot take a signed link.

// An AWS region name: us-east-1, eu-central-2, us-gov-west-1, cn-north-1.
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';
export const REGION_RE = new RegExp(`^${REGION}$`);

/**
 * AWS's partitions: separate clouds with their own hosts, accounts and keys. Keys of one never sign for another,
 * and a bucket name in one is not the same bucket in another.
 */

/** What the host tells us before the path is read. */
export interface HostInfo {
  hostBucket?: string;
  rules: BucketRules;
  region?: string;
  endpoint?: string;
  /** AWS hosts only: the partition the host belongs to. */
  partition?: AwsPartition;
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

/** ARNs, or access point hosts (plain, Multi-Region, Object Lambda): not supported, and what to use instead. */
export const accessPointError = (what: 'arns' | 'hosts'): PresignError =>
  new PresignError('access-point', i18n.t(what === 'arns' ? 's3Hosts.arns' : 's3Hosts.accessPoints'));

export const notS3Error = (host: string): PresignError =>
  new PresignError('not-s3', i18n.t('s3Hosts.notS3', { host }));

/** The bucket, region and variant an amazonaws.com host names; undefined for hosts that are not AWS S3. */
export function awsHost(host: string, rawPath: string): HostInfo | undefined {
  const [, service = '', china] = /^(.+)\.amazonaws\.com(\.cn)?$/.exec(host) ?? [];
  if (!service) return undefined;
  if (WEBSITE_FORM.test(service)) {
    throw new PresignError('website-endpoint', i18n.t('s3Hosts.website', { host }));
  }
  if (ACCESS_POINT_FORM.test(service)) {
    throw accessPointError('hosts');
  }
  if (UNSUPPORTED_FORM.test(service)) {
    throw new PresignError('not-s3', i18n.t('s3Hosts.fips', { host }));
  }
  for (const { form, region, variant } of AWS_REST_FORMS) {
    const groups = form.exec(service)?.groups;
    if (!groups) continue;
    const hostRegion = groups.region ?? region;
    // There is no global China endpoint, and China's hosts serve China's regions only: anything else would be
    // signed for another partition than the host's.
    if (china && (!hostRegion || partitionOf(hostRegion) !== 'aws-cn')) throw notS3Error(host);
    return {
      hostBucket: groups.bucket,
      rules: 'strict',
      region: hostRegion,
      // Hosts without a region (global, accelerate) are the standard partition's: no other has them.
      partition: hostRegion ? partitionOf(hostRegion) : 'aws',
      variant,
      rawPath,
    };
  }
  return undefined;
}

/** Cloudflare R2's S3 API hosts, path-style or virtual-hosted; the jurisdiction label stays in the endpoint. */
export function r2Host(url: URL, host: string, rawPath: string): HostInfo | undefined {
  if (/(^|\.)r2\.dev$/.test(host)) {
    throw new PresignError('website-endpoint', i18n.t('s3Hosts.r2Public', { host }));
  }
  const groups = R2_HOST.exec(host)?.groups;
  if (!groups) return undefined;
  const port = url.port ? `:${url.port}` : '';
  const endpoint = `${url.protocol}//${groups.account}.r2.cloudflarestorage.com${port}`;
  return { hostBucket: groups.bucket, rules: 'strict', region: 'auto', endpoint, rawPath };
}

/**
 * A custom endpoint the parser recognises. Its objects are read path-style (`endpoint/bucket/key`) always, and
 * virtual-hosted (`bucket.host/key`, the form a profile without path-style signs) when `virtualHosted`.
 */
export interface KnownEndpoint {
  endpoint: string;
  virtualHosted?: boolean;
}

interface ParsedKnown extends Endpoint {
  virtualHosted: boolean;
}

function parseKnown(known: readonly KnownEndpoint[]): ParsedKnown[] {
  return known.flatMap(({ endpoint, virtualHosted = false }) => {
    try {
      return [{ ...parseEndpoint(endpoint), virtualHosted }];
    } catch {
      return []; // The options page validates endpoints; a broken one here simply matches nothing.
    }
  });
}

/**
 * The user's endpoint an object URL is under: path-style on the endpoint's own scheme, host and port, or
 * virtual-hosted on one DNS label before that host (for endpoints a profile signs virtual-hosted); the path
 * prefix on a segment boundary, longest wins.
 */
export function knownEndpointHost(
  url: URL,
  rawPath: string,
  knownEndpoints: readonly KnownEndpoint[],
): HostInfo | undefined {
  const pathSegments = rawPath.split('/').slice(1);
  const endpoints = parseKnown(knownEndpoints);
  const longestAt = (origin: string, virtual: boolean): ParsedKnown | undefined => {
    let best: ParsedKnown | undefined;
    for (const endpoint of endpoints) {
      if (endpoint.origin !== origin || (virtual && !endpoint.virtualHosted)) continue;
      if (best && best.segments.length >= endpoint.segments.length) continue;
      if (endpoint.segments.every((segment, i) => canonicalSegment(pathSegments[i] ?? '') === segment)) {
        best = endpoint;
      }
    }
    return best;
  };
  const found = (endpoint: Endpoint, hostBucket?: string): HostInfo => ({
    ...(hostBucket !== undefined && { hostBucket }),
    rules: 'legacy',
    endpoint: endpoint.origin + endpoint.segments.map((segment) => `/${segment}`).join(''),
    rawPath: `/${pathSegments.slice(endpoint.segments.length).join('/')}`,
  });
  const pathStyle = longestAt(`${url.protocol}//${url.host}`, false);
  if (pathStyle) return found(pathStyle);
  // url.host keeps the port: "photos.minio.example.com:9000" is bucket "photos" on minio.example.com:9000.
  const dot = url.host.indexOf('.');
  if (dot <= 0) return undefined;
  const virtual = longestAt(`${url.protocol}//${url.host.slice(dot + 1)}`, true);
  return virtual && found(virtual, url.host.slice(0, dot));
}
