import { describe, expect, it } from 'vitest';
import { assertValidBucketName, bucketNameProblem } from '@/utils/bucket-name';
import { isPresignError } from '@/utils/errors';

describe('bucketNameProblem', () => {
  it.each(['abc', 'my-bucket', 'my.dotted.bucket', '123', '1.2.3', 'amzn-s3-demo-bucket', 'a'.repeat(63)])(
    'accepts %j under the strict rules',
    (name) => {
      expect(bucketNameProblem(name, 'strict')).toBeUndefined();
    },
  );

  it.each([
    ['', /3 to 63 characters long, not 0/],
    ['ab', /not 2/],
    ['a'.repeat(64), /not 64/],
    ['My-Bucket', /lowercase letters, digits, dots and hyphens/],
    ['my_bucket', /lowercase letters/],
    ['my bucket', /lowercase letters/],
    ['-bucket', /start and end/],
    ['bucket-', /start and end/],
    ['.bucket', /start and end/],
    ['my..bucket', /two dots/],
    ['10.0.0.1', /IP address/],
    ['xn--bucket', /"xn--"/],
    ['sthree-bucket', /"sthree-"/],
    ['bucket-s3alias', /"-s3alias"/],
    ['bucket--ol-s3', /"--ol-s3"/],
    ['bucket.mrap', /".mrap"/],
    ['bucket--usw2-az1--x-s3', /"--x-s3"/],
    ['bucket--table-s3', /"--table-s3"/],
  ])('refuses %j under the strict rules', (name, problem) => {
    expect(bucketNameProblem(name, 'strict')).toMatch(problem);
  });

  it.each(['a', 'My_Bucket', '-x-', '..', '10.0.0.1', 'xn--ok', 'a'.repeat(255)])(
    'accepts %j under the legacy rules',
    (name) => {
      expect(bucketNameProblem(name, 'legacy')).toBeUndefined();
    },
  );

  it.each([
    ['', /1 to 255/],
    ['a'.repeat(256), /1 to 255/],
    ['a b', /letters, digits, dots, hyphens and underscores/],
    ['a/b', /letters/],
    ['café', /letters/],
  ])('refuses %j under the legacy rules', (name, problem) => {
    expect(bucketNameProblem(name, 'legacy')).toMatch(problem);
  });
});

describe('assertValidBucketName', () => {
  it('throws invalid-bucket naming the rule and what to do', () => {
    try {
      assertValidBucketName('My_Bucket', 'strict');
      expect.unreachable();
    } catch (error) {
      expect(isPresignError(error, 'invalid-bucket')).toBe(true);
      expect((error as Error).message).toMatch(/"My_Bucket" is not valid: .*lowercase.*Check the link/);
    }
  });

  it('shortens very long names in the message', () => {
    expect(() => assertValidBucketName('a'.repeat(300), 'legacy')).toThrowError(/"a{67}…"/);
  });
});
