// Types for scripts/s3-client.mjs (plain JavaScript so that Node runs it without a build step).
import type { S3Client } from '@aws-sdk/client-s3';

export function s3Client(
  s3: { endpoint: string; region: string },
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): S3Client;

/** Creates `bucket` and puts each object in it (key → body), one after another. */
export function seedBucket(
  client: S3Client,
  bucket: string,
  objects: Record<string, string | Uint8Array>,
): Promise<void>;
