import { PresignError } from './errors';

/**
 * 'strict': today's AWS naming rules, also used for R2 and s3:// URIs.
 * 'legacy': the laxer set (1–255 of A-Za-z0-9 . _ -) that Ceph and MinIO still accept on custom endpoints.
 */
export type BucketRules = 'strict' | 'legacy';

// Names AWS reserves for its own features (IDNs, access point aliases, Object Lambda, MRAP, directory and table
// buckets). 'amzn-s3-demo-' is reserved too but left out: it is the prefix of AWS's own documentation examples.
const RESERVED_PREFIXES = ['xn--', 'sthree-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

function strictProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `it must be 3 to 63 characters long, not ${name.length}`;
  if (!/^[a-z0-9.-]+$/.test(name)) return 'it may only hold lowercase letters, digits, dots and hyphens';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'it must start and end with a lowercase letter or a digit';
  if (name.includes('..')) return 'it must not hold two dots in a row';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'it must not be an IP address';
  const prefix = RESERVED_PREFIXES.find((reserved) => name.startsWith(reserved));
  if (prefix) return `names starting with "${prefix}" are reserved by AWS`;
  const suffix = RESERVED_SUFFIXES.find((reserved) => name.endsWith(reserved));
  if (suffix) return `names ending with "${suffix}" are reserved by AWS for other kinds of buckets`;
  return undefined;
}

function legacyProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 255) return `it must be 1 to 255 characters long, not ${name.length}`;
  if (!/^[A-Za-z0-9._-]+$/.test(name))
    return 'it may only hold letters, digits, dots, hyphens and underscores';
  return undefined;
}

/** The first naming rule a bucket name breaks, in words, or undefined when it breaks none. */
export function bucketNameProblem(name: string, rules: BucketRules): string | undefined {
  return rules === 'strict' ? strictProblem(name) : legacyProblem(name);
}

/** Throws PresignError 'invalid-bucket' saying which naming rule the bucket name breaks. */
export function assertValidBucketName(name: string, rules: BucketRules): void {
  const problem = bucketNameProblem(name, rules);
  if (problem === undefined) return;
  const shown = name.length > 70 ? `${name.slice(0, 67)}…` : name;
  throw new PresignError(
    'invalid-bucket',
    `The bucket name "${shown}" is not valid: ${problem}. Check the link, or copy it again from the S3 console.`,
  );
}
