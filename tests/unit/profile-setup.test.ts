import { describe, expect, it } from 'vitest';
import type { ProfileDraft } from '@/utils/profile-draft';
import { buildProfile } from '@/utils/profile-setup';
import { exampleKeysDraft } from '../support/profiles';

const NOW = new Date('2026-11-22T10:00:00Z');
const keys: ProfileDraft = exampleKeysDraft;

describe('buildProfile', () => {
  it.each([
    ['aws', { region: 'eu-west-3' }, { region: 'eu-west-3', forcePathStyle: false }],
    [
      'r2',
      { accountId: '0123456789abcdef0123456789abcdef', jurisdiction: 'eu' },
      {
        endpoint: 'https://0123456789abcdef0123456789abcdef.eu.r2.cloudflarestorage.com',
        region: 'auto',
        forcePathStyle: true,
      },
    ],
    [
      'wasabi',
      { region: 'eu-central-1' },
      { endpoint: 'https://s3.eu-central-1.wasabisys.com', forcePathStyle: true },
    ],
    [
      'b2',
      { region: 'us-west-004' },
      { endpoint: 'https://s3.us-west-004.backblazeb2.com', region: 'us-west-004' },
    ],
    ['spaces', { region: 'fra1' }, { endpoint: 'https://fra1.digitaloceanspaces.com' }],
    [
      'custom',
      { endpoint: 'http://127.0.0.1:7480/', region: 'us-east-1' },
      { endpoint: 'http://127.0.0.1:7480', forcePathStyle: true },
    ],
  ] as const)('%s fills endpoint, region and addressing', (provider, inputs, expected) => {
    const result = buildProfile(keys, provider, inputs, 'id', NOW);
    expect(result.errors).toBeUndefined();
    expect(result.profile).toMatchObject({ id: 'id', name: 'work', ...expected });
    if (provider === 'aws') expect(result.profile?.endpoint).toBeUndefined();
  });

  it('keeps the path-style choice for a generic S3-compatible store only', () => {
    const custom = buildProfile(
      { ...keys, forcePathStyle: false },
      'custom',
      { endpoint: 'https://s3.example.com' },
      'id',
      NOW,
    );
    expect(custom.profile?.forcePathStyle).toBe(false);
    const r2 = buildProfile(
      { ...keys, forcePathStyle: false },
      'r2',
      { accountId: '0123456789abcdef0123456789abcdef' },
      'id',
      NOW,
    );
    expect(r2.profile?.forcePathStyle).toBe(true);
  });

  it('puts the store’s error under its own input and the key errors under theirs', () => {
    const result = buildProfile(
      { ...keys, accessKeyId: '' },
      'r2',
      { accountId: 'not-an-account' },
      'id',
      NOW,
    );
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(['accessKeyId', 'accountId']);
    expect(result.errors?.accountId).toMatch(/32/);
  });

  it('shows an endpoint the draft refuses under the endpoint input, without repeating a password', () => {
    const result = buildProfile(
      keys,
      'custom',
      { endpoint: 'https://user:s3cr3t@minio.example.com' },
      'id',
      NOW,
    );
    expect(result.errors?.endpoint).toMatch(/user name or password/);
    expect(JSON.stringify(result.errors)).not.toContain('s3cr3t');
  });
});
