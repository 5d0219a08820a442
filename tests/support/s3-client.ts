// The seeding client shared with the scripts (demo, screenshots): an SDK client for the test radosgw.
export { s3Client, seedBucket } from '../../scripts/s3-client.mjs';
