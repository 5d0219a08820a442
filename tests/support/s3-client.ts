import { S3Client } from '@aws-sdk/client-s3';
import type { S3Credentials } from './s3-global-setup';

/**
 * An SDK client for the test radosgw, used to seed and read back objects. Checksums only when required: the
 * SDK's default CRC32 headers are not what the tests are about (see INFRA.md).
 */
export function s3Client(s3: { endpoint: string; region: string }, credentials: S3Credentials): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
