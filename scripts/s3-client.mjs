// An SDK client for a local radosgw, used to seed and read back objects (tests, demo, screenshots). Checksums
// only when required: the SDK's default CRC32 headers are not what these seeds are about (see INFRA.md).
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

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

/**
 * Creates `bucket` and puts each object in it (key → body), one after another.
 * @param {S3Client} client
 * @param {string} bucket
 * @param {Record<string, string | Uint8Array>} objects
 */
export async function seedBucket(client, bucket, objects) {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [key, body] of Object.entries(objects)) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }
}
