import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Profile } from '../profile';

/**
 * An S3Client that sends requests for the profile (uploads, browsing): no checksums S3 does not require, and
 * one attempt. `extra` adds or overrides options for one caller.
 */
export function requestClient(profile: Profile, region: string, extra: S3ClientConfig = {}): S3Client {
  return new S3Client({
    region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    forcePathStyle: profile.forcePathStyle,
    credentials: {
      accessKeyId: profile.accessKeyId,
      secretAccessKey: profile.secretAccessKey,
      ...(profile.sessionToken ? { sessionToken: profile.sessionToken } : {}),
    },
    // Without these the SDK adds checksums several S3-compatible stores reject (see INFRA.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // One attempt: a down host fails at once, and a wrong clock is reported instead of being corrected
    // silently by the SDK's retry (links signed locally with that clock would still fail).
    maxAttempts: 1,
    ...extra,
  });
}
