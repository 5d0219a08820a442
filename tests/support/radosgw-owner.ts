import type { Profile } from '@/utils/profile';
import type { S3Fixture } from './s3-global-setup';

/** A path-style profile that signs as the test radosgw's bucket owner (`inject('s3')`). */
export function ownerProfile(s3: S3Fixture): Profile {
  return {
    id: 'p',
    name: 'radosgw',
    accessKeyId: s3.owner.accessKeyId,
    secretAccessKey: s3.owner.secretAccessKey,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
  };
}
