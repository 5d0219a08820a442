import { describe, expect, it } from 'vitest';
import {
  bucketKey,
  candidatesFor,
  chooseProfile,
  knownEndpoints,
  learnedRegion,
} from '@/utils/choose-profile';
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

const china: Profile = { ...base, id: 'china', name: 'china', region: 'cn-north-1' };
const gov: Profile = { ...base, id: 'gov', name: 'gov', region: 'us-gov-west-1' };

const awsRef = parseS3Url('s3://bucket/key.txt');
const cephRef = parseS3Url('http://127.0.0.1:7480/bucket/key.txt', [{ endpoint: 'http://127.0.0.1:7480' }]);

describe('bucketKey', () => {
  it('keys AWS buckets apart from the same name on a custom endpoint', () => {
    expect(bucketKey(undefined, 'b')).toBe('aws|b');
    expect(bucketKey('http://127.0.0.1:7480', 'b')).toBe('http://127.0.0.1:7480|b');
  });

  it('keys China and GovCloud buckets by partition; the standard partition’s keys stay as they were', () => {
    expect(bucketKey(undefined, 'b', 'eu-west-3')).toBe('aws|b');
    expect(bucketKey(undefined, 'b', 'cn-north-1')).toBe('aws-cn|b');
    expect(bucketKey(undefined, 'b', 'us-gov-west-1')).toBe('aws-us-gov|b');
    expect(bucketKey('http://127.0.0.1:7480', 'b', 'cn-north-1')).toBe('http://127.0.0.1:7480|b');
  });
});

describe('learnedRegion', () => {
  it('applies a region learnt for a bucket only to profiles of its partition', () => {
    // Learnt under the old, partition-less key by a China profile.
    const regions = { 'aws|logs': 'cn-northwest-1' };
    expect(learnedRegion(aws, 'logs', regions)).toBeUndefined();
    expect(learnedRegion(china, 'logs', regions)).toBe('cn-northwest-1');
    expect(learnedRegion(aws, 'logs', { 'aws|logs': 'ap-south-1' })).toBe('ap-south-1');
  });

  it('reads a China profile’s own key before the old shared one', () => {
    const regions = { 'aws-cn|logs': 'cn-north-1', 'aws|logs': 'cn-northwest-1' };
    expect(learnedRegion(china, 'logs', regions)).toBe('cn-north-1');
    expect(learnedRegion(gov, 'logs', regions)).toBeUndefined();
  });
});

describe('candidatesFor', () => {
  it('keeps the profiles of the link’s store: AWS ones for AWS, the same endpoint (normalized) otherwise', () => {
    const all = [aws, ceph, awsTemp, cephAdmin];
    expect(candidatesFor(awsRef, all).map((p) => p.id)).toEqual(['aws', 'aws-temp']);
    expect(candidatesFor(cephRef, all).map((p) => p.id)).toEqual(['ceph', 'ceph-admin']);
  });

  it('keeps only the AWS profiles of the link’s partition; any AWS profile for an s3:// URI', () => {
    const all = [aws, china, gov, ceph];
    const ids = (url: string) => candidatesFor(parseS3Url(url), all).map((p) => p.id);
    expect(ids('https://logs.s3.amazonaws.com/k')).toEqual(['aws']);
    expect(ids('https://logs.s3.eu-west-1.amazonaws.com/k')).toEqual(['aws']);
    expect(ids('https://logs.s3.cn-north-1.amazonaws.com.cn/k')).toEqual(['china']);
    expect(ids('https://logs.s3.us-gov-west-1.amazonaws.com/k')).toEqual(['gov']);
    expect(ids('https://console.amazonaws.cn/s3/object/logs?prefix=k')).toEqual(['china']);
    expect(ids('https://console.aws.amazon.com/s3/object/logs?prefix=k')).toEqual(['aws']);
    expect(ids('s3://logs/k')).toEqual(['aws', 'china', 'gov']);
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
      'the profile remembered for a China bucket, not the one remembered for the same name elsewhere',
      parseS3Url('https://logs.s3.cn-north-1.amazonaws.com.cn/k'),
      [china, { ...china, id: 'china2', name: 'china2' }],
      { bucketProfiles: { 'aws-cn|logs': 'china2', 'aws|logs': 'china' } },
      'china2',
      'the one last used for bucket “logs”',
    ],
    [
      'a China profile remembered under the key used before partitions were keyed apart',
      parseS3Url('https://logs.s3.cn-north-1.amazonaws.com.cn/k'),
      [china, { ...china, id: 'china2', name: 'china2' }],
      { bucketProfiles: { 'aws|logs': 'china2' } },
      'china2',
      'the one last used for bucket “logs”',
    ],
    [
      'the region a console page hints at (its subdomain), when nothing else tells',
      parseS3Url('https://us-west-2.console.aws.amazon.com/s3/object/logs?prefix=k'),
      [aws, awsTemp],
      {},
      'aws-temp',
      'set to region us-west-2',
    ],
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
      'no profile for a global AWS link, only a China one',
      parseS3Url('https://logs.s3.amazonaws.com/k'),
      [china],
      {},
      /^No profile signs for AWS S3 \(bucket “logs”\)\. Your AWS profiles sign for another AWS partition, whose keys do not work here\. Add a profile for AWS with a region outside China and GovCloud, e\.g\. us-east-1 in S3 Presign\.$/,
    ],
    [
      'no profile for a China link, only a global one',
      parseS3Url('https://logs.s3.cn-north-1.amazonaws.com.cn/k'),
      [aws, ceph],
      {},
      /^No profile signs for AWS S3 in China \(bucket “logs”\)\. Your AWS profiles sign for another AWS partition/,
    ],
    [
      'no AWS profile at all for a GovCloud link',
      parseS3Url('https://logs.s3.us-gov-east-1.amazonaws.com/k'),
      [ceph],
      {},
      /^No profile signs for AWS GovCloud \(US\) S3 \(bucket “logs”\)\. Add a profile for AWS \(no custom endpoint, a GovCloud region: us-gov-west-1 or us-gov-east-1\) in S3 Presign\.$/,
    ],
    [
      'a global profile asked for a China link',
      parseS3Url('https://logs.s3.cn-north-1.amazonaws.com.cn/k'),
      [aws, china],
      { profileId: 'aws' },
      /^The profile “work” signs for AWS S3, not for AWS S3 in China where bucket “logs” is: pick another profile\.$/,
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

describe('knownEndpoints', () => {
  const store = (id: string, endpoint: string, forcePathStyle = true): Profile => ({
    ...ceph,
    id,
    endpoint,
    forcePathStyle,
  });

  it('lists each endpoint once, virtual-hosted when a profile signs there without path-style', () => {
    expect(
      knownEndpoints([
        aws,
        ceph,
        cephAdmin,
        store('minio', 'https://minio.example.com/'),
        store('minio-vh', 'https://minio.example.com', false),
      ]),
    ).toEqual([
      { endpoint: 'http://127.0.0.1:7480', virtualHosted: false },
      { endpoint: 'https://minio.example.com', virtualHosted: true },
    ]);
  });

  it.each([
    'https://fra1.digitaloceanspaces.com',
    'https://nyc3.digitaloceanspaces.com/',
    'https://s3.wasabisys.com',
    'https://s3.eu-central-2.wasabisys.com',
    'https://s3.us-west-004.backblazeb2.com',
  ])('takes bucket hosts on the store service host %s, even for a path-style profile', (endpoint) => {
    expect(knownEndpoints([store('preset', endpoint)])).toEqual([
      { endpoint: endpoint.replace(/\/$/, ''), virtualHosted: true },
    ]);
  });

  it.each([
    ['the Spaces CDN', 'https://fra1.cdn.digitaloceanspaces.com'],
    ['a look-alike host', 'https://fra1.digitaloceanspaces.com.example.net'],
    ['a path prefix', 'https://s3.us-west-004.backblazeb2.com/prefix'],
    ['a bucket host used as endpoint', 'https://my-bucket.s3.eu-central-2.wasabisys.com'],
    ['an ordinary custom host', 'https://minio.example.com'],
  ])('keeps %s path-style only', (_name, endpoint) => {
    expect(knownEndpoints([store('p', endpoint)])[0]?.virtualHosted).toBe(false);
  });
});
