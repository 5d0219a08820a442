// Types for scripts/s3-client.mjs (plain JavaScript so that Node runs it without a build step).
import type { S3Client } from '@aws-sdk/client-s3';

export function s3Client(
  s3: { endpoint: string; region: string },
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): S3Client;
