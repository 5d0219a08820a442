import { describe, expect, it } from 'vitest';
import { bucketKey, candidatesFor, chooseProfile } from '@/utils/choose-profile';
import { PresignError } from '@/utils/errors';
import { parseS3Url } from '@/utils/parse-s3-url';
import type { Profile } from '@/utils/profile';
import { awsProfile } from '../support/profiles';

const base = awsProfile;
const aws = base;
const awsTemp: Profile = { ...base, id: 'aws-temp', name: 'sso', region: 'us-west-2' };
const awsData: Profile = { ...base, id: 'aws-data', name: 'data', defaultBucket: 'datasets' };
const ceph: Profile = {
  ...base,
  id: 'ceph',
  name: 'ceph',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480/',
  forcePathStyle: true,
};
const cephAdmin: Profile = {
  ...ceph,
  id: 'ceph-admin',
  name: 'ceph admin',
  endpoint: 'http://127.0.0.1:7480',
};

const awsRef = parseS3Url('s3://bucket/key.txt');
const cephRef = parseS3Url('http://127.0.0.1:7480/bucket/key.txt', ['http://127.0.0.1:7480']);

describe('bucketKey', () => {
  it('keys AWS buckets apart from the same name on a custom endpoint', () => {
    expect(bucketKey(undefined, 'b')).toBe('aws|b');
    expect(bucketKey('http://127.0.0.1:7480', 'b')).toBe('http://127.0.0.1:7480|b');
  });
});

describe('candidatesFor', () => {
  it('keeps the profiles of the link’s store: AWS ones for AWS, the same endpoint (normalized) otherwise', () => {
    const all = [aws, ceph, awsTemp, cephAdmin];
    expect(candidatesFor(awsRef, all).map((p) => p.id)).toEqual(['aws', 'aws-temp']);
    expect(candidatesFor(cephRef, all).map((p) => p.id)).toEqual(['ceph', 'ceph-admin']);
  });
});

describe('chooseProfile', () => {
  it('takes the only profile for the store, with nothing to explain', () => {
    expect(chooseProfile(awsRef, [ceph, aws])).toEqual({ profile: aws, others: 0 });
    expect(chooseProfile(cephRef, [aws, ceph])).toEqual({ profile: ceph, others: 0 });
  });

  it.each([
    [
      'the profile remembered for the bucket (under another spelling of the endpoint)',
      cephRef,
      [cephAdmin, ceph],
      { bucketProfiles: { 'http://127.0.0.1:7480/|bucket': 'ceph-admin' }, preferredId: 'ceph' },
      'ceph-admin',
      'the one last used for bucket “bucket”',
    ],
    [
      'a remembered profile over a default bucket and the popup’s profile',
      parseS3Url('s3://datasets/k'),
      [aws, awsData, awsTemp],
      { bucketProfiles: { 'aws|datasets': 'aws-temp' }, preferredId: 'aws' },
      'aws-temp',
      'the one last used for bucket “datasets”',
    ],
    [
      'the profile whose default bucket it is',
      parseS3Url('s3://datasets/k'),
      [aws, awsData],
      { preferredId: 'aws' },
      'aws-data',
      'whose default bucket is “datasets”',
    ],
    [
      'the profile open in the popup',
      awsRef,
      [aws, awsTemp],
      { preferredId: 'aws-temp' },
      'aws-temp',
      'the one open in the popup',
    ],
    [
      'the profile set to the region the link names',
      parseS3Url('https://bucket.s3.us-west-2.amazonaws.com/k'),
      [aws, awsTemp],
      {},
      'aws-temp',
      'set to region us-west-2',
    ],
    ['the first one otherwise', awsRef, [awsTemp, aws], {}, 'aws-temp', 'the first in your list'],
    [
      'not a remembered profile of another store',
      awsRef,
      [aws, awsTemp],
      { bucketProfiles: { 'aws|bucket': 'ceph' } },
      'aws',
      'the first in your list',
    ],
  ] as const)('among several, picks %s and says why', (_name, ref, profiles, hints, id, reason) => {
    expect(chooseProfile(ref, profiles, hints)).toEqual({
      profile: profiles.find((p) => p.id === id),
      reason,
      others: profiles.length - 1,
    });
  });

  it('uses the profile asked for when it signs for the store', () => {
    expect(chooseProfile(awsRef, [aws, awsTemp], { profileId: 'aws-temp' }).profile.id).toBe('aws-temp');
  });

  it.each([
    [
      'no profile at all',
      awsRef,
      [],
      {},
      /^No profile yet: open S3 Presign from the toolbar and add your access keys first\.$/,
    ],
    [
      'no AWS profile',
      awsRef,
      [ceph],
      {},
      /^No profile signs for AWS S3 \(bucket “bucket”\)\. Add a profile for AWS \(no custom endpoint\) in S3 Presign\.$/,
    ],
    [
      'no profile for the endpoint',
      cephRef,
      [aws],
      {},
      /^No profile signs for http:\/\/127\.0\.0\.1:7480 \(bucket “bucket”\)\. Add a profile with the endpoint http:\/\/127\.0\.0\.1:7480 in S3 Presign\.$/,
    ],
    [
      'a profile asked for that signs elsewhere',
      cephRef,
      [aws, ceph],
      { profileId: 'aws' },
      /^The profile “work” signs for AWS S3, not for http:\/\/127\.0\.0\.1:7480 where bucket “bucket” is: pick another profile\.$/,
    ],
    [
      'a profile asked for that is gone',
      awsRef,
      [aws],
      { profileId: 'deleted' },
      /^The profile chosen for this link no longer exists: pick a profile again in S3 Presign\.$/,
    ],
  ] as const)('explains %s', (_name, ref, profiles, hints, message) => {
    const error = (() => {
      try {
        chooseProfile(ref, profiles, hints);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PresignError);
    expect((error as PresignError).code).toBe('no-profile');
    expect((error as PresignError).message).toMatch(message);
  });
});
