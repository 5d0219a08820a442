import { describe, expect, it } from 'vitest';
import { knownEndpoints } from '@/utils/choose-profile';
import { PresignError } from '@/utils/errors';
import type { Profile } from '@/utils/profile';
import { signLink, signPick } from '@/utils/sign-link';
import { awsProfile } from '../support/profiles';

const NOW = new Date('2026-11-22T10:00:00Z');
const aws = awsProfile;
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

const china: Profile = {
  ...aws,
  id: 'china',
  name: 'china',
  accessKeyId: 'AKIACHINAEXAMPLE0001',
  region: 'cn-north-1',
};
const minio: Profile = {
  ...aws,
  id: 'minio',
  name: 'minio',
  region: 'us-east-1',
  endpoint: 'https://minio.example.com',
  forcePathStyle: false,
};

const credential = (link: { url: string }): string | null =>
  new URL(link.url).searchParams.get('X-Amz-Credential');

describe('knownEndpoints', () => {
  it('lists custom endpoints once, normalized, and ignores broken ones', () => {
    const broken = { ...ceph, id: 'broken', endpoint: 'ftp://nope' };
    expect(
      knownEndpoints([aws, ceph, { ...ceph, id: 'ceph2', endpoint: 'http://127.0.0.1:7480/' }, broken]),
    ).toEqual([{ endpoint: 'http://127.0.0.1:7480', virtualHosted: false }]);
  });

  it('marks an endpoint virtual-hosted when a profile signs there without path-style', () => {
    expect(knownEndpoints([minio, { ...minio, id: 'm2', forcePathStyle: true }, ceph])).toEqual([
      { endpoint: 'https://minio.example.com', virtualHosted: true },
      { endpoint: 'http://127.0.0.1:7480', virtualHosted: false },
    ]);
  });
});

describe('AWS partitions', () => {
  it('refuses a global-partition link when the only AWS profile is China’s (no .com.cn link for it)', async () => {
    const error = (await signLink(
      { url: 'https://logs.s3.amazonaws.com/k', method: 'GET', expiresIn: 60 },
      { profiles: [china] },
      NOW,
    ).catch((e: unknown) => e)) as PresignError;
    expect(error).toBeInstanceOf(PresignError);
    expect(error.code).toBe('no-profile');
  });

  it('signs a China link with the China profile even when the bucket name is remembered for a global one', async () => {
    const link = await signLink(
      { url: 'https://logs.s3.cn-north-1.amazonaws.com.cn/k', method: 'GET', expiresIn: 60 },
      { profiles: [aws, china], bucketProfiles: { 'aws|logs': 'aws' } },
      NOW,
    );
    expect(link.profileId).toBe('china');
    expect(new URL(link.url).host).toBe('logs.s3.cn-north-1.amazonaws.com.cn');
    expect(credential(link)).toMatch(/^AKIACHINAEXAMPLE0001\/20261122\/cn-north-1\//);
  });

  it('does not apply a China region learnt for a bucket name to a global profile', async () => {
    const link = await signLink(
      { url: 's3://logs/k', method: 'GET', expiresIn: 60, profileId: 'aws' },
      { profiles: [aws, china], regions: { 'aws|logs': 'cn-north-1' } },
      NOW,
    );
    expect(new URL(link.url).host).toBe('logs.s3.eu-west-3.amazonaws.com');
    const chinese = await signLink(
      { url: 's3://logs/k', method: 'GET', expiresIn: 60, profileId: 'china' },
      { profiles: [aws, china], regions: { 'aws|logs': 'cn-northwest-1' } },
      NOW,
    );
    expect(new URL(chinese.url).host).toBe('logs.s3.cn-northwest-1.amazonaws.com.cn');
  });

  it('signs an s3:// URI in the partition of the profile that signs it', async () => {
    const link = await signLink(
      { url: 's3://logs/k', method: 'GET', expiresIn: 60 },
      { profiles: [china] },
      NOW,
    );
    expect(new URL(link.url).host).toBe('logs.s3.cn-north-1.amazonaws.com.cn');
  });
});

describe('console pages without ?region=', () => {
  const page = 'https://eu-central-1.console.aws.amazon.com/s3/object/logs?prefix=k';

  it('use the region learnt for the bucket over the console’s own subdomain', async () => {
    const link = await signLink(
      { url: page, method: 'GET', expiresIn: 60 },
      { profiles: [aws], regions: { 'aws|logs': 'ap-south-1' } },
      NOW,
    );
    expect(new URL(link.url).host).toBe('logs.s3.ap-south-1.amazonaws.com');
  });

  it('fall back to the subdomain’s region over the profile’s when nothing was learnt', async () => {
    const link = await signLink({ url: page, method: 'GET', expiresIn: 60 }, { profiles: [aws] }, NOW);
    expect(new URL(link.url).host).toBe('logs.s3.eu-central-1.amazonaws.com');
  });

  it('keep ?region= first when the page states it', async () => {
    const link = await signLink(
      { url: `${page}&region=us-west-1`, method: 'GET', expiresIn: 60 },
      { profiles: [aws], regions: { 'aws|logs': 'ap-south-1' } },
      NOW,
    );
    expect(new URL(link.url).host).toBe('logs.s3.us-west-1.amazonaws.com');
  });
});

describe('custom endpoints without path-style', () => {
  it('re-sign their own links (bucket in the host)', async () => {
    const first = await signLink(
      { url: 'https://minio.example.com/photos/a.jpg', method: 'GET', expiresIn: 60 },
      { profiles: [aws, minio] },
      NOW,
    );
    expect(first.url.startsWith('https://photos.minio.example.com/a.jpg?')).toBe(true);
    const again = await signLink(
      { url: first.url, method: 'GET', expiresIn: 900 },
      { profiles: [aws, minio] },
      NOW,
    );
    expect(again.url.startsWith('https://photos.minio.example.com/a.jpg?')).toBe(true);
    expect(again).toMatchObject({ bucket: 'photos', key: 'a.jpg', profileId: 'minio', expiresIn: 900 });
  });
});

describe('signLink', () => {
  it('signs an AWS link with the region from the URL, not the profile', async () => {
    const link = await signLink(
      { url: 'https://bucket.s3.us-west-2.amazonaws.com/a%20b.txt', method: 'GET', expiresIn: 3600 },
      { profiles: [aws] },
      NOW,
    );
    expect(link.url.startsWith('https://bucket.s3.us-west-2.amazonaws.com/a%20b.txt?')).toBe(true);
    expect(link).toMatchObject({ bucket: 'bucket', key: 'a b.txt', profileName: 'work', expiresIn: 3600 });
    expect(link.expiresAt).toBe('2026-11-22T11:00:00.000Z');
  });

  it('falls back to the profile region when the URL has none', async () => {
    const link = await signLink(
      { url: 's3://bucket/k', method: 'GET', expiresIn: 60 },
      { profiles: [aws] },
      NOW,
    );
    expect(new URL(link.url).searchParams.get('X-Amz-Credential')).toContain('/eu-west-3/s3/aws4_request');
  });

  it('signs custom-endpoint links path-style with the profile endpoint', async () => {
    const link = await signLink(
      { url: 'http://127.0.0.1:7480/bucket/dir/f.txt', method: 'PUT', expiresIn: 60 },
      { profiles: [aws, ceph] },
      NOW,
    );
    expect(link.url.startsWith('http://127.0.0.1:7480/bucket/dir/f.txt?')).toBe(true);
    expect(link.method).toBe('PUT');
  });

  it('re-signs an already-signed link without carrying its old signature', async () => {
    const first = await signLink(
      { url: 's3://bucket/report.pdf', method: 'GET', expiresIn: 60 },
      { profiles: [aws] },
      NOW,
    );
    const again = await signLink(
      { url: first.url, method: 'GET', expiresIn: 900 },
      { profiles: [aws] },
      new Date('2026-11-22T10:05:00Z'),
    );
    const query = new URL(again.url).searchParams;
    expect(query.getAll('X-Amz-Signature')).toHaveLength(1);
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(query.get('X-Amz-Date')).toBe('20261122T100500Z');
  });

  it('keeps versionId for GET and drops it for PUT', async () => {
    const url = 'https://bucket.s3.eu-west-3.amazonaws.com/k.txt?versionId=abc123';
    const get = await signLink({ url, method: 'GET', expiresIn: 60 }, { profiles: [aws] }, NOW);
    const put = await signLink({ url, method: 'PUT', expiresIn: 60 }, { profiles: [aws] }, NOW);
    expect(new URL(get.url).searchParams.get('versionId')).toBe('abc123');
    expect(new URL(put.url).searchParams.get('versionId')).toBeNull();
  });

  it('clamps to temporary credentials and carries the token', async () => {
    const link = await signLink(
      { url: 's3://bucket/k', method: 'GET', expiresIn: 86_400 },
      { profiles: [awsTemp] },
      NOW,
    );
    expect(link.expiresIn).toBe(1800);
    expect(link.warnings.map((warning) => warning.code)).toEqual(['clamped-to-credentials']);
    expect(new URL(link.url).searchParams.get('X-Amz-Security-Token')).toBe('token/with+chars=');
  });

  it('refuses a link that is not S3, with the parser’s reason', async () => {
    const error = await signLink(
      { url: 'https://example.com/file.txt', method: 'GET', expiresIn: 60 },
      { profiles: [aws] },
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PresignError);
    expect((error as PresignError).code).toBe('not-s3');
  });

  it('signs a bucket S3 moved to another region with the region learnt for it', async () => {
    const link = await signLink(
      { url: 's3://moved/k', method: 'GET', expiresIn: 60 },
      { profiles: [aws], regions: { 'aws|moved': 'ap-south-1', 'aws|other': 'us-west-1' } },
      NOW,
    );
    expect(new URL(link.url).host).toBe('moved.s3.ap-south-1.amazonaws.com');
  });

  it('signs with the profile asked for, and reports which one signed and why', async () => {
    const second = { ...aws, id: 'aws2', name: 'personal' };
    const asked = await signLink(
      { url: 's3://bucket/k', method: 'GET', expiresIn: 60, profileId: 'aws2' },
      { profiles: [aws, second] },
      NOW,
    );
    expect(asked).toMatchObject({ profileId: 'aws2', profileName: 'personal' });
    expect(asked.profileNote).toBeUndefined();
    const chosen = await signLink(
      { url: 's3://bucket/k', method: 'GET', expiresIn: 60 },
      { profiles: [aws, second], bucketProfiles: { 'aws|bucket': 'aws2' } },
      NOW,
    );
    expect(chosen.profileId).toBe('aws2');
    expect(chosen.profileNote).toBe(
      'the one last used for bucket “bucket”; 1 other profile could sign: open the bucket with another profile in the popup to switch',
    );
  });

  it('names the profile whose temporary credentials expired, and never its secrets', async () => {
    const expired = { ...awsTemp, sessionExpiration: '2026-11-22T09:00:00.000Z' };
    const error = (await signLink(
      { url: 's3://bucket/k', method: 'GET', expiresIn: 60 },
      { profiles: [expired] },
      NOW,
    ).catch((e: unknown) => e)) as PresignError;
    expect(error.code).toBe('credentials-expired');
    expect(error.message).toMatch(
      /^Profile “sso”: These temporary credentials expired at 09:00 UTC on 22 Nov 2026\. Get fresh ones/,
    );
    expect(error.message).not.toContain(expired.secretAccessKey);
    expect(error.message).not.toContain('token/with+chars=');
  });
});

describe('signPick', () => {
  const pick = { profileId: 'ceph', bucket: 'photos', key: 'a b/ü.txt', versionId: 'v1' };

  it('signs a picked object with its profile, path-style on its endpoint, version kept for GET', async () => {
    const link = await signPick(pick, { method: 'GET', expiresIn: 60 }, { profiles: [aws, ceph] }, NOW);
    expect(link.url.startsWith('http://127.0.0.1:7480/photos/a%20b/%C3%BC.txt?')).toBe(true);
    expect(new URL(link.url).searchParams.get('versionId')).toBe('v1');
    expect(link).toMatchObject({ profileId: 'ceph', bucket: 'photos', key: 'a b/ü.txt' });
  });

  it('says what to do when the profile it was picked with is gone', async () => {
    await expect(
      signPick(pick, { method: 'GET', expiresIn: 60 }, { profiles: [aws] }, NOW),
    ).rejects.toThrowError(
      "The profile that “a b/ü.txt” was picked with no longer exists: pick the object again in S3 Presign's popup.",
    );
  });
});
