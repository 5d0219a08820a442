import { describe, expect, it } from 'vitest';
import { splitBucketAddress } from '@/components/options/bucket-address';
import { bucketKey } from '@/utils/choose-profile';

describe('splitBucketAddress (the settings page’s Profile per bucket rows)', () => {
  it.each([
    { address: bucketKey(undefined, 'logs', 'eu-west-1'), expected: { bucket: 'logs', where: 'AWS' } },
    {
      address: bucketKey(undefined, 'data', 'cn-north-1'),
      expected: { bucket: 'data', where: 'AWS (aws-cn)' },
    },
    {
      address: bucketKey('http://127.0.0.1:7480', 'photos'),
      expected: { bucket: 'photos', where: 'http://127.0.0.1:7480' },
    },
    // A bucket name never holds "|", an endpoint may not either: the last one splits.
    {
      address: 'https://minio.example.com|a.b-c',
      expected: { bucket: 'a.b-c', where: 'https://minio.example.com' },
    },
  ])('$address', ({ address, expected }) => {
    expect(splitBucketAddress(address)).toEqual(expected);
  });
});
