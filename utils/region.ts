/**
 * Whether a name can go in a SigV4 credential scope as the region: lowercase letters and digits in
 * hyphen-separated parts (us-east-1, eu-central-2, and R2's "auto").
 */
export function isSigningRegion(name: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
}

/** An AWS partition: keys of one do not sign in another. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The partition a region belongs to: China (cn-*), GovCloud (us-gov-*), or the standard one. */
export function partitionOf(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * An AWS region: two letters, an optional GovCloud or isolated-partition part, a direction and a number
 * (eu-west-3, us-gov-west-1, us-isob-east-1, cn-north-1). Its name goes into the endpoint's host, so a typo
 * like eu-west3 would otherwise fail as an unreachable host on the first request.
 */
export function isAwsRegion(name: string): boolean {
  return /^[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(name);
}

/**
 * A region a self-hosted store may name itself (MinIO's site region, Ceph's zone group): letters of either
 * case, digits and inner '-', at most 63 characters. Case is kept, since the server compares the scope's
 * region as written. Not '_': SigV4 could sign it, but the AWS SDK the popup lists with refuses any region
 * that is not a host name label.
 */
export function isScopeRegion(name: string): boolean {
  return /^(?!-)[A-Za-z0-9-]{1,63}$/.test(name) && !name.endsWith('-');
}
