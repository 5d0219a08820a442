import { describe, expect, it } from 'vitest';
import { chooseProfile, knownEndpoints } from '@/utils/choose-profile';
import { PresignError } from '@/utils/errors';
import { parseS3Url } from '@/utils/parse-s3-url';
import type { Profile } from '@/utils/profile';
import { signLink } from '@/utils/sign-link';

const NOW = new Date('2026-11-22T10:00:00Z');
const aws: Profile = {
  id: 'aws',
  name: 'work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'eu-west-3',
  forcePathStyle: false,
};
const awsTemp: Profile = {
  ...aws,
  id: 'aws-temp',
  name: 'sso',
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  sessionToken: 'token/with+chars=',
  sessionExpiration: '2026-11-22T10:30:00.000Z',
};
const ceph: Profile = {
  ...aws,
  id: 'ceph',
  name: 'ceph',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480',
  forcePathStyle: true,
};

describe('knownEndpoints', () => {
  it('lists custom endpoints once, normalized, and ignores broken ones', () => {
    const broken = { ...ceph, id: 'broken', endpoint: 'ftp://nope' };
    expect(
      knownEndpoints([aws, ceph, { ...ceph, id: 'ceph2', endpoint: 'http://127.0.0.1:7480/' }, broken]),
    ).toEqual(['http://127.0.0.1:7480']);
  });
});

describe('chooseProfile', () => {
  const awsRef = parseS3Url('s3://bucket/key.txt');
  const cephRef = parseS3Url('http://127.0.0.1:7480/bucket/key.txt', ['http://127.0.0.1:7480']);

  it('picks an AWS profile for an AWS link and the endpoint profile for a custom-endpoint link', () => {
    expect(chooseProfile(awsRef, [ceph, aws]).id).toBe('aws');
    expect(chooseProfile(cephRef, [aws, ceph]).id).toBe('ceph');
  });

  it('prefers the preferred profile when it qualifies, and ignores it when it does not', () => {
    expect(chooseProfile(awsRef, [aws, awsTemp], 'aws-temp').id).toBe('aws-temp');
    expect(chooseProfile(awsRef, [aws, ceph], 'ceph').id).toBe('aws');
  });

  it.each([
    ['no profile at all', [], awsRef, /No profile yet: open S3 Presign/],
    [
      'no AWS profile',
      [ceph],
      awsRef,
      /No profile signs for AWS S3 \(bucket “bucket”\)\. Add a profile for AWS/,
    ],
    ['no profile for the endpoint', [aws], cephRef, /with the endpoint http:\/\/127\.0\.0\.1:7480/],
  ] as const)('explains %s', (_name, profiles, ref, message) => {
    expect(() => chooseProfile(ref, profiles)).toThrowError(message);
  });
});

describe('signLink', () => {
  it('signs an AWS link with the region from the URL, not the profile', async () => {
    const link = await signLink(
      { url: 'https://bucket.s3.us-west-2.amazonaws.com/a%20b.txt', method: 'GET', expiresIn: 3600 },
      [aws],
      NOW,
    );
    expect(link.url.startsWith('https://bucket.s3.us-west-2.amazonaws.com/a%20b.txt?')).toBe(true);
    expect(link).toMatchObject({ bucket: 'bucket', key: 'a b.txt', profileName: 'work', expiresIn: 3600 });
    expect(link.expiresAt).toBe('2026-11-22T11:00:00.000Z');
  });

  it('falls back to the profile region when the URL has none', async () => {
    const link = await signLink({ url: 's3://bucket/k', method: 'GET', expiresIn: 60 }, [aws], NOW);
    expect(new URL(link.url).searchParams.get('X-Amz-Credential')).toContain('/eu-west-3/s3/aws4_request');
  });

  it('signs custom-endpoint links path-style with the profile endpoint', async () => {
    const link = await signLink(
      { url: 'http://127.0.0.1:7480/bucket/dir/f.txt', method: 'PUT', expiresIn: 60 },
      [aws, ceph],
      NOW,
    );
    expect(link.url.startsWith('http://127.0.0.1:7480/bucket/dir/f.txt?')).toBe(true);
    expect(link.method).toBe('PUT');
  });

  it('re-signs an already-signed link without carrying its old signature', async () => {
    const first = await signLink({ url: 's3://bucket/report.pdf', method: 'GET', expiresIn: 60 }, [aws], NOW);
    const again = await signLink(
      { url: first.url, method: 'GET', expiresIn: 900 },
      [aws],
      new Date('2026-11-22T10:05:00Z'),
    );
    const query = new URL(again.url).searchParams;
    expect(query.getAll('X-Amz-Signature')).toHaveLength(1);
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(query.get('X-Amz-Date')).toBe('20261122T100500Z');
  });

  it('keeps versionId for GET and drops it for PUT', async () => {
    const url = 'https://bucket.s3.eu-west-3.amazonaws.com/k.txt?versionId=abc123';
    const get = await signLink({ url, method: 'GET', expiresIn: 60 }, [aws], NOW);
    const put = await signLink({ url, method: 'PUT', expiresIn: 60 }, [aws], NOW);
    expect(new URL(get.url).searchParams.get('versionId')).toBe('abc123');
    expect(new URL(put.url).searchParams.get('versionId')).toBeNull();
  });

  it('clamps to temporary credentials and carries the token', async () => {
    const link = await signLink({ url: 's3://bucket/k', method: 'GET', expiresIn: 86_400 }, [awsTemp], NOW);
    expect(link.expiresIn).toBe(1800);
    expect(link.warnings.map((warning) => warning.code)).toEqual(['clamped-to-credentials']);
    expect(new URL(link.url).searchParams.get('X-Amz-Security-Token')).toBe('token/with+chars=');
  });

  it('refuses a link that is not S3, with the parser’s reason', async () => {
    const error = await signLink(
      { url: 'https://example.com/file.txt', method: 'GET', expiresIn: 60 },
      [aws],
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PresignError);
    expect((error as PresignError).code).toBe('not-s3');
  });
});
