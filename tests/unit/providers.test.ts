import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, validateDraft } from '@/utils/profile-draft';
import {
  applyProvider,
  detectProvider,
  isProviderError,
  PROVIDERS,
  type ProviderId,
  type ProviderInputs,
  type ProviderSettings,
  providerById,
  providerInputs,
} from '@/utils/providers';
import { isSigningRegion } from '@/utils/region';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-11-22T10:00:00Z');

const SETTINGS: [ProviderId, ProviderInputs, ProviderSettings][] = [
  ['aws', { region: 'eu-west-3' }, { endpoint: '', region: 'eu-west-3', forcePathStyle: false }],
  ['aws', {}, { endpoint: '', region: 'us-east-1', forcePathStyle: false }],
  [
    'r2',
    { accountId: ACCOUNT },
    { endpoint: `https://${ACCOUNT}.r2.cloudflarestorage.com`, region: 'auto', forcePathStyle: true },
  ],
  [
    'r2',
    { accountId: ACCOUNT, jurisdiction: 'eu' },
    { endpoint: `https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, region: 'auto', forcePathStyle: true },
  ],
  [
    'r2',
    { accountId: ` "${ACCOUNT.toUpperCase()}" `, jurisdiction: 'FedRAMP' },
    { endpoint: `https://${ACCOUNT}.fedramp.r2.cloudflarestorage.com`, region: 'auto', forcePathStyle: true },
  ],
  [
    'r2',
    { accountId: ACCOUNT, jurisdiction: 'default' },
    { endpoint: `https://${ACCOUNT}.r2.cloudflarestorage.com`, region: 'auto', forcePathStyle: true },
  ],
  [
    'r2',
    { accountId: `https://${ACCOUNT}.eu.r2.cloudflarestorage.com/my-bucket` },
    { endpoint: `https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, region: 'auto', forcePathStyle: true },
  ],
  [
    'custom',
    { endpoint: 'http://127.0.0.1:9000/' },
    { endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', forcePathStyle: true },
  ],
  [
    'custom',
    { endpoint: 'https://ceph.example.com/s3', region: 'zone-a' },
    { endpoint: 'https://ceph.example.com/s3', region: 'zone-a', forcePathStyle: true },
  ],
  [
    'wasabi',
    { region: 'eu-central-2' },
    { endpoint: 'https://s3.eu-central-2.wasabisys.com', region: 'eu-central-2', forcePathStyle: true },
  ],
  [
    'wasabi',
    { region: 's3.wasabisys.com' },
    { endpoint: 'https://s3.us-east-1.wasabisys.com', region: 'us-east-1', forcePathStyle: true },
  ],
  [
    'wasabi',
    { region: 'https://my-bucket.s3.ap-northeast-1.wasabisys.com' },
    { endpoint: 'https://s3.ap-northeast-1.wasabisys.com', region: 'ap-northeast-1', forcePathStyle: true },
  ],
  [
    'b2',
    { region: 'us-west-004' },
    { endpoint: 'https://s3.us-west-004.backblazeb2.com', region: 'us-west-004', forcePathStyle: true },
  ],
  [
    'b2',
    { region: 's3.eu-central-003.backblazeb2.com' },
    { endpoint: 'https://s3.eu-central-003.backblazeb2.com', region: 'eu-central-003', forcePathStyle: true },
  ],
  [
    'spaces',
    { region: 'FRA1' },
    { endpoint: 'https://fra1.digitaloceanspaces.com', region: 'fra1', forcePathStyle: true },
  ],
  [
    'spaces',
    { region: 'https://my-space.nyc3.digitaloceanspaces.com' },
    { endpoint: 'https://nyc3.digitaloceanspaces.com', region: 'nyc3', forcePathStyle: true },
  ],
];

describe('PROVIDERS', () => {
  it('lists each preset once, each with a label, a hint and its minimal permissions', () => {
    const ids = PROVIDERS.map((provider) => provider.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['aws', 'r2', 'custom', 'wasabi', 'b2', 'spaces']));
    for (const provider of PROVIDERS) {
      expect(providerById(provider.id)).toBe(provider);
      expect(provider.label).not.toBe('');
      expect(provider.hint.length).toBeGreaterThan(20);
      expect(provider.permissions.length).toBeGreaterThan(20);
    }
  });

  it.each([
    ['r2', /Object Read/],
    ['b2', /application key/],
    ['spaces', /Limited Access/],
    ['aws', /s3:GetObject/],
  ] as const)('names the least-privileged key for %s', (id, wording) => {
    expect(providerById(id).permissions).toMatch(wording);
  });

  it('suggests regions that its own preset accepts and that can sign', () => {
    for (const provider of PROVIDERS) {
      for (const region of provider.regions ?? []) {
        expect(isSigningRegion(region)).toBe(true);
        const inputs = provider.id === 'custom' ? { endpoint: 'https://s3.example.com', region } : { region };
        expect(applyProvider(provider.id, inputs)).toMatchObject({ region });
      }
    }
  });

  it('suggests the DigitalOcean Spaces regions', () => {
    expect(providerById('spaces').regions).toEqual(
      expect.arrayContaining([
        'nyc3',
        'ams3',
        'sgp1',
        'fra1',
        'sfo3',
        'syd1',
        'blr1',
        'tor1',
        'lon1',
        'atl1',
        'ric1',
      ]),
    );
  });
});

describe('applyProvider', () => {
  it.each(SETTINGS)('%s %j → %j', (id, inputs, settings) => {
    expect(applyProvider(id, inputs)).toEqual(settings);
  });

  it.each(SETTINGS)('%s %j gives settings the profile form accepts unchanged', (id, inputs) => {
    const settings = applyProvider(id, inputs) as ProviderSettings;
    const keys = { name: 'n', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' };
    const result = validateDraft({ ...EMPTY_DRAFT, ...keys, ...settings }, 'id', NOW);
    expect(result.errors).toBeUndefined();
    expect(result.profile?.endpoint).toBe(settings.endpoint || undefined);
    expect(result.profile?.region).toBe(settings.region);
  });

  it.each([
    ['r2', {}, 'accountId', /Paste the Cloudflare account ID/],
    ['r2', { accountId: 'abc123' }, 'accountId', /32 hex characters/],
    ['r2', { accountId: `${ACCOUNT}0` }, 'accountId', /32 hex characters/],
    ['r2', { accountId: ACCOUNT.replace('a', 'g') }, 'accountId', /32 hex characters/],
    ['r2', { accountId: ACCOUNT, jurisdiction: 'us' }, 'jurisdiction', /eu or fedramp/],
    ['custom', {}, 'endpoint', /S3 API’s URL/],
    ['custom', { endpoint: 'minio.example.com:9000' }, 'endpoint', /must start with http:\/\/ or https:\/\//],
    ['custom', { endpoint: 'https://minio.example.com?x=1' }, 'endpoint', /query string/],
    [
      'custom',
      { endpoint: 'https://m.example.com', region: 'US East' },
      'region',
      /letters, digits and - only/,
    ],
    ['wasabi', {}, 'region', /Pick the bucket’s Wasabi region, e\.g\. us-east-1/],
    ['wasabi', { region: 'frankfurt' }, 'region', /not a Wasabi region/],
    ['b2', { region: 'us-west-4' }, 'region', /not a Backblaze B2 region: they look like us-west-000/],
    ['spaces', { region: 'new-york' }, 'region', /not a DigitalOcean Spaces region: they look like nyc3/],
    ['aws', { region: 'Frankfurt' }, 'region', /Write an AWS region like eu-west-3/],
  ] as [ProviderId, ProviderInputs, string, RegExp][])('%s %j: explains %s', (id, inputs, field, message) => {
    const result = applyProvider(id, inputs);
    expect(isProviderError(result)).toBe(true);
    expect(result).toEqual({ field, error: expect.stringMatching(message) });
  });

  it('does not repeat a password written into a custom endpoint', () => {
    const result = applyProvider('custom', { endpoint: 'https://AKIAUSER:CANARYpass@minio.example.com' });
    expect(result).toMatchObject({
      field: 'endpoint',
      error: expect.stringMatching(/user name or password/),
    });
    expect(JSON.stringify(result)).not.toContain('CANARY');
  });

  it('tells settings from errors', () => {
    expect(isProviderError(applyProvider('aws', {}))).toBe(false);
  });
});

describe('detectProvider', () => {
  it.each([
    [undefined, 'aws'],
    ['', 'aws'],
    ['  ', 'aws'],
    [`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'r2'],
    [`https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, 'r2'],
    ['https://s3.eu-central-2.wasabisys.com', 'wasabi'],
    ['https://S3.WASABISYS.COM', 'wasabi'],
    ['https://s3.us-west-004.backblazeb2.com', 'b2'],
    ['https://fra1.digitaloceanspaces.com', 'spaces'],
    ['http://127.0.0.1:9000', 'custom'],
    ['https://minio.example.com/s3', 'custom'],
    // A VPC endpoint is AWS, but the AWS preset has no endpoint field and would drop it.
    ['https://bucket.vpce-0a1b2c3d-e4f5g6h7.s3.us-east-1.vpce.amazonaws.com', 'custom'],
    ['https://r2.cloudflarestorage.com', 'custom'],
    ['not a url', 'custom'],
  ] as [string | undefined, ProviderId][])('%j → %s', (endpoint, id) => {
    expect(detectProvider(endpoint)).toBe(id);
  });
});

describe('providerInputs', () => {
  it.each(SETTINGS)('%s %j: the inputs it reads back give the same settings', (id, inputs) => {
    const settings = applyProvider(id, inputs) as ProviderSettings;
    const read = providerInputs({ endpoint: settings.endpoint || undefined, region: settings.region });
    expect(read.id).toBe(id);
    expect(applyProvider(read.id, read.inputs)).toEqual(settings);
  });

  it('reads an R2 account ID and jurisdiction back from the endpoint', () => {
    expect(
      providerInputs({ endpoint: `https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, region: 'auto' }),
    ).toEqual({ id: 'r2', inputs: { accountId: ACCOUNT, jurisdiction: 'eu' } });
  });
});
