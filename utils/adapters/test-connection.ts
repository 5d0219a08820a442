import { i18n } from '#i18n';
import type { PresignError } from '../errors';
import type { Profile } from '../profile';
import { expiredSession, explainS3Error, type S3ErrorContext } from '../s3-errors';
import { createS3Browser, type S3Browser } from './s3-browser';

/** What "Test connection" found: the buckets the keys reach, or why they reach none. */
export type ConnectionReport =
  | { ok: true; buckets: string[]; via: 'list-buckets' | 'head-bucket'; note?: string }
  | { ok: false; error: PresignError };

/**
 * Lists the buckets; when the keys may not (no s3:ListAllMyBuckets, common for keys scoped to one bucket) and
 * the profile names a default bucket, checks that bucket instead. Never throws: failures come back explained.
 * `browserFor` is for tests.
 */
export async function testConnection(
  profile: Profile,
  now: Date,
  browserFor: (profile: Profile) => S3Browser = (chosen) => createS3Browser(chosen, { now: () => now }),
): Promise<ConnectionReport> {
  // Checked before any request: stores like radosgw answer ended credentials with a bare AccessDenied.
  const expired = expiredSession(profile, now);
  if (expired) return { ok: false, error: expired };
  const context: S3ErrorContext = {
    region: profile.region,
    now,
    sessionToken: Boolean(profile.sessionToken),
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
  };
  const s3 = browserFor(profile);
  try {
    const buckets = (await s3.listBuckets()).map((bucket) => bucket.name);
    return { ok: true, buckets, via: 'list-buckets' };
  } catch (thrown) {
    const error = explainS3Error(thrown, { ...context, action: 'list-buckets' });
    if (error.code !== 'access-denied' || !profile.defaultBucket) return { ok: false, error };
    return testBucket(s3, profile.defaultBucket, context);
  }
}

/** The fallback: does the default bucket exist for these keys (HeadBucket), and may they list it? */
async function testBucket(s3: S3Browser, bucket: string, context: S3ErrorContext): Promise<ConnectionReport> {
  try {
    await s3.headBucket(bucket);
  } catch (thrown) {
    return { ok: false, error: explainS3Error(thrown, { ...context, action: 'head-bucket', bucket }) };
  }
  try {
    await s3.listPage(bucket, { prefix: '', maxKeys: 1 });
  } catch (thrown) {
    const error = explainS3Error(thrown, { ...context, action: 'list-objects', bucket });
    return {
      ok: true,
      buckets: [bucket],
      via: 'head-bucket',
      note: i18n.t('testConnection.opensNotList', { bucket, error: error.message }),
    };
  }
  return {
    ok: true,
    buckets: [bucket],
    via: 'head-bucket',
    note: i18n.t('testConnection.opens', { bucket }),
  };
}
