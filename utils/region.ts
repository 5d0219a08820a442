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
