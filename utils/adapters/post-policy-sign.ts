import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { type PostPolicyOptions, policyRequest, type ResolvedPolicy, type SignedPost } from '../post-policy';
import { credentialsOf, type Profile } from '../profile';

// Signs a browser-form upload with @aws-sdk/s3-presigned-post. Loaded lazily by the POST policy panel (the SDK
// client is ~87 KB gzip). Nothing is sent: the policy is signed locally, like every link.

export interface SignedPolicy extends SignedPost, Omit<ResolvedPolicy, 'request'> {}

/** A presigned POST for `bucket` under the options' conditions, signed at `now`; `region` overrides the profile's. */
export async function signPostPolicy(
  profile: Profile,
  bucket: string,
  options: PostPolicyOptions,
  now: Date,
  region?: string,
): Promise<SignedPolicy> {
  const credentials = credentialsOf(profile);
  const resolved = policyRequest(options, now, credentials.expiration, Boolean(credentials.sessionToken));
  const client = new S3Client({
    region: region ?? profile.region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    forcePathStyle: profile.forcePathStyle,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
    // createPresignedPost reads the clock as Date.now() + this offset: the injected clock wins.
    systemClockOffset: now.getTime() - Date.now(),
  });
  const post = await createPresignedPost(client, { Bucket: bucket, ...resolved.request });
  return {
    url: post.url,
    fields: post.fields,
    expiresIn: resolved.expiresIn,
    expiresAt: resolved.expiresAt,
    warnings: resolved.warnings,
  };
}
