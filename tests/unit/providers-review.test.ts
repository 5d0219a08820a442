import { describe, expect, it } from 'vitest';
import type { ProfileDraft } from '@/utils/profile-draft';
import { buildProfile } from '@/utils/profile-setup';
import { applyProvider, endpointRegion, providerInputs, r2JurisdictionOf } from '@/utils/providers';
import { exampleKeysDraft } from '../support/profiles';

// Review fixes: edits keep a profile's endpoint, AWS regions are checked by shape, an R2 URL's jurisdiction is
// not lost, custom endpoints of known stores get their region, custom regions may hold capitals.

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const NOW = new Date('2026-11-22T10:00:00Z');
const keys: ProfileDraft = exampleKeysDraft;

/** What the edit form saves for a stored profile when only its name changes. */
function resave(profile: { endpoint?: string; region: string; forcePathStyle: boolean }) {
  const { id, inputs } = providerInputs(profile);
  const draft = {
    ...keys,
    name: 'renamed',
    region: profile.region,
    endpoint: profile.endpoint ?? '',
    forcePathStyle: profile.forcePathStyle,
  };
  return { id, ...buildProfile(draft, id, inputs, 'id', NOW) };
}

describe('editing a stored profile', () => {
  it.each([
    // Imported, or made with the custom preset: the endpoint names one region, the profile signs for another.
    ['https://s3.eu-central-1.wasabisys.com', 'us-east-1', 'wasabi', 'eu-central-1'],
    ['https://s3.eu-central-003.backblazeb2.com', 'us-east-1', 'b2', 'eu-central-003'],
    ['https://s3.us-west-004.backblazeb2.com', 'us-west-004', 'b2', 'us-west-004'],
    // DigitalOcean's own examples sign Spaces requests for us-east-1: that stays.
    ['https://fra1.digitaloceanspaces.com', 'us-east-1', 'spaces', 'us-east-1'],
    ['https://fra1.digitaloceanspaces.com', 'fra1', 'spaces', 'fra1'],
    [`https://${ACCOUNT}.eu.r2.cloudflarestorage.com`, 'auto', 'r2', 'auto'],
  ] as const)(
    '%s signing for %s: saved unchanged under the %s preset, signing for %s',
    (endpoint, region, preset, signing) => {
      const result = resave({ endpoint, region, forcePathStyle: true });
      expect(result.id).toBe(preset);
      expect(result.errors).toBeUndefined();
      expect(result.profile).toMatchObject({
        name: 'renamed',
        endpoint,
        region: signing,
        forcePathStyle: true,
      });
    },
  );

  it('shows the region the endpoint names, not the one the profile signs for', () => {
    expect(
      providerInputs({ endpoint: 'https://s3.eu-central-1.wasabisys.com', region: 'us-east-1' }).inputs
        .region,
    ).toBe('eu-central-1');
    expect(
      providerInputs({ endpoint: 'https://fra1.digitaloceanspaces.com', region: 'us-east-1' }).inputs.region,
    ).toBe('fra1');
  });

  it('moves a Spaces profile to the region picked, still signing for us-east-1', () => {
    const { id, inputs } = providerInputs({
      endpoint: 'https://fra1.digitaloceanspaces.com',
      region: 'us-east-1',
    });
    expect(applyProvider(id, { ...inputs, region: 'nyc3' })).toEqual({
      endpoint: 'https://nyc3.digitaloceanspaces.com',
      region: 'us-east-1',
      forcePathStyle: true,
    });
  });

  it.each([
    // A preset would drop the port, the path prefix, the bucket in the host, or virtual-hosted addressing.
    // or rewrite Wasabi's bare us-east-1 host to s3.us-east-1.wasabisys.com (another host to allow),
    ['https://s3.wasabisys.com', 'us-east-1', true],
    // or sign a Space for neither its own region nor us-east-1.
    ['https://fra1.digitaloceanspaces.com', 'nyc3', true],
    [`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'us-east-1', true],
    ['https://s3.eu-central-1.wasabisys.com:8443', 'eu-central-1', true],
    ['https://s3.eu-central-1.wasabisys.com/prefix', 'eu-central-1', true],
    ['https://my-bucket.s3.eu-central-1.wasabisys.com', 'eu-central-1', true],
    ['https://fra1.digitaloceanspaces.com', 'fra1', false],
    [`https://my-bucket.${ACCOUNT}.r2.cloudflarestorage.com`, 'auto', true],
  ] as const)(
    '%s (%s, path-style %s): opened as custom, so saving keeps it',
    (endpoint, region, pathStyle) => {
      const result = resave({ endpoint, region, forcePathStyle: pathStyle });
      expect(result.id).toBe('custom');
      expect(result.errors).toBeUndefined();
      expect(result.profile).toMatchObject({ endpoint, region, forcePathStyle: pathStyle });
    },
  );
});

describe('AWS regions', () => {
  it.each([
    'eu-west-3',
    'us-east-1',
    'us-gov-west-1',
    'cn-north-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'ap-southeast-7',
  ])('%s is accepted', (region) => {
    expect(applyProvider('aws', { region })).toEqual({ endpoint: '', region, forcePathStyle: false });
  });

  it('accepts a region typed in capitals', () => {
    expect(applyProvider('aws', { region: ' EU-WEST-3 ' })).toMatchObject({ region: 'eu-west-3' });
  });

  it.each(['eu-west3', 'paris', 'eu-west', 'euwest-3', 'auto', 'eu-west-3a', 'e-west-3'])(
    '%s is refused: it would fail as a DNS error on the first link',
    (region) => {
      expect(applyProvider('aws', { region })).toEqual({
        field: 'region',
        error: expect.stringMatching(/Write an AWS region like eu-west-3/),
      });
    },
  );
});

describe('R2 jurisdiction from a pasted URL', () => {
  const euUrl = `https://${ACCOUNT}.eu.r2.cloudflarestorage.com/my-bucket`;
  const euEndpoint = `https://${ACCOUNT}.eu.r2.cloudflarestorage.com`;

  it('reads the jurisdiction a pasted URL names, for the form to set its dropdown', () => {
    expect(r2JurisdictionOf(euUrl)).toBe('eu');
    expect(r2JurisdictionOf(`${ACCOUNT}.fedramp.r2.cloudflarestorage.com`)).toBe('fedramp');
    expect(r2JurisdictionOf(`https://${ACCOUNT}.r2.cloudflarestorage.com`)).toBe('');
    expect(r2JurisdictionOf(ACCOUNT)).toBeUndefined();
    expect(r2JurisdictionOf('')).toBeUndefined();
  });

  it('uses the URL’s jurisdiction when the dropdown agrees or was never touched', () => {
    for (const jurisdiction of [undefined, 'eu', 'EU']) {
      expect(
        applyProvider('r2', { accountId: euUrl, ...(jurisdiction ? { jurisdiction } : {}) }),
      ).toMatchObject({
        endpoint: euEndpoint,
      });
    }
    expect(
      applyProvider('r2', { accountId: `https://${ACCOUNT}.r2.cloudflarestorage.com`, jurisdiction: '' }),
    ).toMatchObject({
      endpoint: `https://${ACCOUNT}.r2.cloudflarestorage.com`,
    });
  });

  it.each([
    [euUrl, '', /EU jurisdiction.*pick EU/],
    [euUrl, 'default', /EU jurisdiction.*pick EU/],
    [euUrl, 'fedramp', /EU jurisdiction.*pick EU/],
    [`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'eu', /default jurisdiction.*pick Default/],
  ])(
    '%s with the dropdown on %j: the conflict is pointed out, not guessed',
    (accountId, jurisdiction, message) => {
      expect(applyProvider('r2', { accountId, jurisdiction })).toEqual({
        field: 'jurisdiction',
        error: expect.stringMatching(message),
      });
    },
  );
});

it.each(['constructor', 'us'])('an R2 jurisdiction %j is refused', (jurisdiction) => {
  expect(applyProvider('r2', { accountId: ACCOUNT, jurisdiction })).toMatchObject({ field: 'jurisdiction' });
});

describe('custom endpoints of known stores', () => {
  it.each([
    ['https://s3.eu-central-1.wasabisys.com', 'eu-central-1'],
    ['https://s3.wasabisys.com', 'us-east-1'],
    ['https://s3.eu-central-003.backblazeb2.com', 'eu-central-003'],
    ['https://fra1.digitaloceanspaces.com', 'fra1'],
    [`https://${ACCOUNT}.r2.cloudflarestorage.com`, 'auto'],
    ['https://minio.example.com', 'us-east-1'],
  ])('%s without a region signs for %s', (endpoint, region) => {
    expect(applyProvider('custom', { endpoint })).toMatchObject({ region });
    expect(applyProvider('custom', { endpoint, region: ' ' })).toMatchObject({ region });
  });

  it.each([
    'https://nyc3.cdn.digitaloceanspaces.com',
    'https://my-space.nyc3.cdn.digitaloceanspaces.com',
    'https://cdn.digitaloceanspaces.com',
  ])('%s (a CDN host, not a region) gives no region', (endpoint) => {
    expect(endpointRegion(endpoint)).toBeUndefined();
    expect(applyProvider('custom', { endpoint })).toMatchObject({ region: 'us-east-1' });
  });

  it.each([
    ['https://my-space.sgp1.digitaloceanspaces.com', 'sgp1'],
    ['https://my-bucket.s3.us-west-004.backblazeb2.com', 'us-west-004'],
    ['https://my-bucket.s3.ap-northeast-1.wasabisys.com', 'ap-northeast-1'],
  ])('%s (a bucket host) gives region %s', (endpoint, region) => {
    expect(endpointRegion(endpoint)).toBe(region);
  });

  it('keeps a region the user typed', () => {
    expect(
      applyProvider('custom', { endpoint: 'https://fra1.digitaloceanspaces.com', region: 'us-east-1' }),
    ).toMatchObject({ region: 'us-east-1' });
  });
});

describe('custom regions', () => {
  it.each(['zg-EU', 'ZG-EU', 'default', 'us-east-1', 'myzone-2'])('%s is accepted as typed', (region) => {
    expect(applyProvider('custom', { endpoint: 'https://ceph.example.com', region })).toMatchObject({
      region,
    });
  });

  // '_' would sign, but the SDK the popup lists with refuses a region that is not a host name label.
  it.each(['us east', 'a/b', 'zone.1', 'région', 'zg_eu', '-eu', 'eu-'])(
    '%s is refused, saying what a region may hold',
    (region) => {
      expect(applyProvider('custom', { endpoint: 'https://ceph.example.com', region })).toEqual({
        field: 'region',
        error: expect.stringMatching(/letters, digits and - only/),
      });
    },
  );
});
