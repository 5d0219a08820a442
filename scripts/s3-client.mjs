// An SDK client for a local radosgw, used to seed and read back objects (tests, demo, screenshots). Checksums
// only when required: the SDK's default CRC32 headers are not what these seeds are about (see INFRA.md).
import { S3Client } from '@aws-sdk/client-s3';

/**
 * @param {{ endpoint: string, region: string }} s3
 * @param {{ accessKeyId: string, secretAccessKey: string, sessionToken?: string }} credentials
 */
export function s3Client(s3, credentials) {
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
