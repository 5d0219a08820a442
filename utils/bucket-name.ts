import { i18n } from '#i18n';
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
  if (name.length < 3 || name.length > 63) return i18n.t('bucketName.length', { length: name.length });
  if (!/^[a-z0-9.-]+$/.test(name)) return i18n.t('bucketName.characters');
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return i18n.t('bucketName.ends');
  if (name.includes('..')) return i18n.t('bucketName.dots');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return i18n.t('bucketName.ip');
  const prefix = RESERVED_PREFIXES.find((reserved) => name.startsWith(reserved));
  if (prefix) return i18n.t('bucketName.prefix', { prefix });
  const suffix = RESERVED_SUFFIXES.find((reserved) => name.endsWith(reserved));
  if (suffix) return i18n.t('bucketName.suffix', { suffix });
  return undefined;
}

function legacyProblem(name: string): string | undefined {
  if (name.length < 1 || name.length > 255) return i18n.t('bucketName.legacyLength', { length: name.length });
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return i18n.t('bucketName.legacyCharacters');
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
  throw new PresignError('invalid-bucket', i18n.t('bucketName.invalid', { name: shown, problem }));
}
