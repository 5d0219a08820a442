import { describe, expect, it } from 'vitest';
import { cleanPasted, EMPTY_DRAFT, type ProfileDraft, validateDraft } from '@/utils/profile-draft';

const NOW = new Date('2026-11-22T10:00:00Z');
const good: ProfileDraft = {
  ...EMPTY_DRAFT,
  name: 'work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('cleanPasted', () => {
  it.each([
    ['  AKIA  ', 'AKIA'],
    ['"AKIA"', 'AKIA'],
    ["'AKIA'", 'AKIA'],
    ['` AKIA `', 'AKIA'],
    ['"mismatched\'', '"mismatched\''],
    ['\tline\n', 'line'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanPasted(raw)).toBe(clean);
  });
});

describe('validateDraft', () => {
  it('accepts an AWS profile, trimming what was pasted around the keys', () => {
    const result = validateDraft(
      { ...good, accessKeyId: ' "AKIAIOSFODNN7EXAMPLE" ', secretAccessKey: `${good.secretAccessKey}\n` },
      'id1',
      NOW,
    );
    expect(result.profile).toEqual({
      id: 'id1',
      name: 'work',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: good.secretAccessKey,
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  it('accepts a custom endpoint and normalizes it', () => {
    const result = validateDraft({ ...good, endpoint: 'http://127.0.0.1:7480/' }, 'id1', NOW);
    expect(result.profile).toMatchObject({ endpoint: 'http://127.0.0.1:7480', forcePathStyle: true });
  });

  it.each([
    ['a missing name', { name: '' }, 'name', /Give the profile a name/],
    ['a missing key ID', { accessKeyId: '' }, 'accessKeyId', /Paste the access key ID/],
    [
      'a secret in the key field',
      { accessKeyId: good.secretAccessKey },
      'accessKeyId',
      /looks like a secret access key/,
    ],
    ['a missing secret', { secretAccessKey: '' }, 'secretAccessKey', /Paste the secret/],
    [
      'a secret with a space inside',
      { secretAccessKey: 'abc def' },
      'secretAccessKey',
      /cannot contain spaces/,
    ],
    [
      'an ASIA key without token',
      { accessKeyId: 'ASIAIOSFODNN7EXAMPLE' },
      'sessionToken',
      /temporary: paste their session token/,
    ],
    [
      'an expired session',
      { sessionToken: 't', sessionExpiration: '2026-11-22T09:00:00Z' },
      'sessionExpiration',
      /already expired/,
    ],
    [
      'an unreadable expiration',
      { sessionToken: 't', sessionExpiration: 'tomorrow' },
      'sessionExpiration',
      /date and time/,
    ],
    ['a bad region', { region: 'Frankfurt' }, 'region', /like us-east-1/],
    ['an endpoint with userinfo', { endpoint: 'https://user:pw@minio.example.com' }, 'endpoint', /./],
    ['an endpoint with a query', { endpoint: 'https://minio.example.com/?x=1' }, 'endpoint', /./],
  ] as [string, Partial<ProfileDraft>, keyof ProfileDraft, RegExp][])(
    'explains %s',
    (_name, change, field, message) => {
      const result = validateDraft({ ...good, ...change }, 'id1', NOW);
      expect(result.profile).toBeUndefined();
      expect(result.errors?.[field]).toMatch(message);
      expect(JSON.stringify(result.errors)).not.toContain(good.secretAccessKey);
    },
  );
});
