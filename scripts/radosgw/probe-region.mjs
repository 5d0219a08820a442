// The region S3 clients must be configured with, found by a signed CreateBucket.

import { randomString } from './helpers.mjs';
import { signedFetch } from './signed-fetch.mjs';

/** @typedef {import('./signed-fetch.mjs').Credentials} Credentials */

/**
 * The region to configure S3 clients with. radosgw computes the signature with whatever region the credential
 * scope names, but CreateBucket rejects a LocationConstraint other than its zonegroup's api_name
 * (InvalidLocationConstraint). SDKs send no LocationConstraint for us-east-1, so that is tried first; then the
 * zonegroup name. The probe creates and deletes a bucket exactly as an SDK would.
 * @param {string} endpoint
 * @param {Credentials} credentials
 */
export async function probeRegion(endpoint, credentials) {
  const bucket = `region-probe-${randomString(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
  const url = `${endpoint}/${bucket}`;
  /** @type {string[]} */
  const failures = [];
  for (const region of ['us-east-1', 'default']) {
    const body =
      region === 'us-east-1'
        ? ''
        : `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`;
    const created = await signedFetch({ method: 'PUT', url, region, service: 's3', credentials, body });
    if (created.status === 200) {
      await signedFetch({ method: 'DELETE', url, region, service: 's3', credentials });
      return region;
    }
    failures.push(`${region}: HTTP ${created.status} ${created.text}`);
  }
  throw new Error(`no region works for a signed CreateBucket:\n${failures.join('\n')}`);
}
