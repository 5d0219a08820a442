import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveProfiles } from '@/utils/adapters/profile-store';
import { profilesItem } from '@/utils/adapters/storage';
import { type ImportEntry, previewImport } from '@/utils/import-credentials';
import type { Profile } from '@/utils/profile';
import { storedProfiles } from '../support/profiles';

// Importing keys again, as the app advises when temporary ones expire, updates the stored profile of that name
// (or with those keys) in place: same id, its settings kept, never a second profile beside it.

const NOW = new Date('2026-11-22T10:00:00Z');
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const FRESH_SECRET = 'u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzd';
const OLD_TOKEN = 'IQoJb3JpZ2luX2VjOLDOLDOLD';
const FRESH_TOKEN = 'IQoJb3JpZ2luX2VjFRESHFRESH';
const LATER = '2026-11-22T18:00:00.000Z';

const ssoDev: Profile = {
  id: 'stored-sso-dev',
  name: 'sso-dev',
  accessKeyId: 'ASIAOLDOLDOLDOLDOLD1',
  secretAccessKey: SECRET,
  sessionToken: OLD_TOKEN,
  sessionExpiration: '2026-11-22T09:00:00.000Z',
  region: 'eu-west-3',
  endpoint: 'https://s3.eu-west-3.amazonaws.com',
  forcePathStyle: false,
  defaultBucket: 'reports',
};
const work: Profile = {
  id: 'stored-work',
  name: 'work',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: SECRET,
  region: 'us-east-1',
  forcePathStyle: false,
  defaultBucket: 'work-files',
};

/** What `aws configure export-credentials --profile NAME` prints, after the command. */
const exported = (name: string, accessKeyId = 'ASIAFRESHFRESHFRESH1') =>
  [
    `$ aws configure export-credentials --profile ${name}`,
    JSON.stringify({
      Version: 1,
      AccessKeyId: accessKeyId,
      SecretAccessKey: FRESH_SECRET,
      SessionToken: FRESH_TOKEN,
      Expiration: LATER,
    }),
  ].join('\n');

/** New ids, counted; the same entry gets the same one, as the import panel gives them. */
function idMaker(): { makeId: (entry: ImportEntry) => string; made: string[] } {
  const made: string[] = [];
  const bySection = new Map<string, string>();
  return {
    made,
    makeId: (entry) => {
      const known = bySection.get(entry.section);
      if (known) return known;
      const id = `new-${made.length + 1}`;
      made.push(id);
      bySection.set(entry.section, id);
      return id;
    },
  };
}

describe('previewImport over stored profiles', () => {
  it('updates a profile of the same name: same id, fresh keys, its region, endpoint and default bucket kept', () => {
    const ids = idMaker();
    const preview = previewImport(exported('sso-dev'), NOW, ids.makeId, [work, ssoDev]);
    expect(preview.entries).toHaveLength(1);
    expect(preview.entries[0]?.replaces).toEqual({ id: 'stored-sso-dev', name: 'sso-dev', by: 'name' });
    expect(preview.entries[0]?.profile).toEqual({
      id: 'stored-sso-dev',
      name: 'sso-dev',
      accessKeyId: 'ASIAFRESHFRESHFRESH1',
      secretAccessKey: FRESH_SECRET,
      sessionToken: FRESH_TOKEN,
      sessionExpiration: LATER,
      region: 'eu-west-3',
      endpoint: 'https://s3.eu-west-3.amazonaws.com',
      forcePathStyle: false,
      defaultBucket: 'reports',
    });
    expect(ids.made).toEqual([]);
  });

  it('takes the settings the paste gives, and drops the old token and expiry with permanent keys', () => {
    const pasted = [
      '[sso-dev]',
      'aws_access_key_id = AKIANEWPERMANENTKEY1',
      `aws_secret_access_key = ${FRESH_SECRET}`,
      'region = eu-central-1',
    ].join('\n');
    const profile = previewImport(pasted, NOW, idMaker().makeId, [ssoDev]).entries[0]?.profile;
    expect(profile).toMatchObject({ id: 'stored-sso-dev', region: 'eu-central-1', defaultBucket: 'reports' });
    expect(profile).not.toHaveProperty('sessionToken');
    expect(profile).not.toHaveProperty('sessionExpiration');
  });

  it('updates the profile holding the same access key ID under another name, keeping that name', () => {
    const pasted = [
      '[default]',
      `aws_access_key_id = ${work.accessKeyId}`,
      `aws_secret_access_key = ${FRESH_SECRET}`,
    ];
    const entry = previewImport(pasted.join('\n'), NOW, idMaker().makeId, [ssoDev, work]).entries[0];
    expect(entry?.replaces).toEqual({ id: 'stored-work', name: 'work', by: 'accessKeyId' });
    expect(entry?.profile).toMatchObject({ id: 'stored-work', name: 'work', defaultBucket: 'work-files' });
  });

  it('keeps the same key on another endpoint apart: one key can serve two stores', () => {
    const zoneA: Profile = { ...work, id: 'zone-a', name: 'zone-a', endpoint: 'https://a.ceph.example.com' };
    const pasted = [
      '[zone-b]',
      `aws_access_key_id = ${work.accessKeyId}`,
      `aws_secret_access_key = ${SECRET}`,
      '[profile zone-b]',
      'endpoint_url = https://b.ceph.example.com',
    ].join('\n');
    const entry = previewImport(pasted, NOW, () => 'fresh-id', [zoneA]).entries[0];
    expect(entry?.replaces).toBeUndefined();
    expect(entry?.profile?.id).toBe('fresh-id');
    const same = pasted.replace('https://b.', 'https://A.').replace(/zone-b/g, 'other');
    expect(previewImport(same, NOW, () => 'fresh-id', [zoneA]).entries[0]?.replaces?.id).toBe('zone-a');
  });

  const ceph: Profile = {
    id: 'stored-ceph',
    name: 'default',
    accessKeyId: 'Q3AM3UQ867SPQQA43P2F',
    secretAccessKey: 'zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG',
    region: 'us-east-1',
    endpoint: 'https://ceph.example.com',
    forcePathStyle: true,
  };
  const awsDefault = [
    '[default]',
    `aws_access_key_id = ${work.accessKeyId}`,
    `aws_secret_access_key = ${FRESH_SECRET}`,
  ].join('\n');

  it('adds AWS keys beside a stored Ceph profile of their name, renamed, rather than over its keys', () => {
    const preview = previewImport(awsDefault, NOW, () => 'fresh-id', [ceph]);
    const [entry] = preview.entries;
    expect(entry?.replaces).toBeUndefined();
    expect(entry?.renamed).toEqual({
      name: 'default-2',
      message:
        'A profile named “default” exists for another store (https://ceph.example.com): this one is added as “default-2”.',
    });
    expect(entry?.profile).toEqual({
      id: 'fresh-id',
      name: 'default-2',
      accessKeyId: work.accessKeyId,
      secretAccessKey: FRESH_SECRET,
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  it('keeps the Ceph keys when the AWS ones of its name are saved', async () => {
    fakeBrowser.reset();
    await profilesItem.setValue([ceph]);
    const ready = previewImport(awsDefault, NOW, () => 'fresh-id', [ceph]).entries.flatMap((entry) =>
      entry.profile ? [entry.profile] : [],
    );
    await saveProfiles(ready);
    const stored = await storedProfiles();
    expect(stored).toHaveLength(2);
    expect(stored.find((profile) => profile.id === 'stored-ceph')).toEqual(ceph);
  });

  it.each([
    ['another endpoint pasted', 'endpoint_url = https://minio.example.com'],
    ['an AWS endpoint pasted', 'endpoint_url = https://s3.eu-west-3.amazonaws.com'],
  ])('does not replace a profile of its name on another store: %s', (_name, config) => {
    const pasted = [
      '[default]',
      `aws_access_key_id = ${ceph.accessKeyId}2`,
      `aws_secret_access_key = ${FRESH_SECRET}`,
      '[profile default]',
      config,
    ].join('\n');
    const [entry] = previewImport(pasted, NOW, () => 'fresh-id', [ceph]).entries;
    expect(entry?.replaces).toBeUndefined();
    expect(entry?.profile?.name).toBe('default-2');
  });

  it('replaces a profile of its name on the same store: its endpoint pasted again, or none with non-AWS keys', () => {
    const rotated = [
      '[default]',
      'aws_access_key_id = ROTATEDROTATEDROTATE',
      `aws_secret_access_key = ${FRESH_SECRET}`,
    ];
    const withEndpoint = [...rotated, '[profile default]', 'endpoint_url = https://CEPH.example.com:443/'];
    for (const pasted of [rotated, withEndpoint]) {
      const [entry] = previewImport(pasted.join('\n'), NOW, () => 'fresh-id', [ceph]).entries;
      expect(entry?.replaces).toEqual({ id: 'stored-ceph', name: 'default', by: 'name' });
      expect(entry?.renamed).toBeUndefined();
      expect(entry?.profile).toMatchObject({
        endpoint: 'https://ceph.example.com',
        accessKeyId: 'ROTATEDROTATEDROTATE',
      });
    }
  });

  it('adds non-AWS keys pasted without an endpoint beside a stored AWS profile of their name', () => {
    const pasted = [
      '[work]',
      'aws_access_key_id = Q3AM3UQ867SPQQA43P2F',
      `aws_secret_access_key = ${FRESH_SECRET}`,
    ];
    const [entry] = previewImport(pasted.join('\n'), NOW, () => 'fresh-id', [work]).entries;
    expect(entry?.replaces).toBeUndefined();
    expect(entry?.renamed?.message).toBe(
      'A profile named “work” exists for another store (AWS): this one is added as “work-2”.',
    );
  });

  it('picks a name that no stored or pasted profile has', () => {
    const pasted = [
      awsDefault,
      '[default-2]',
      'aws_access_key_id = AKIAOTHEROTHEROTHER1',
      `aws_secret_access_key = ${FRESH_SECRET}`,
    ].join('\n');
    const stored = [ceph, { ...ceph, id: 'stored-ceph-3', name: 'default-3', accessKeyId: 'CEPHTHREE' }];
    const names = previewImport(pasted, NOW, (entry) => entry.section, stored).entries.map(
      (entry) => entry.profile?.name,
    );
    expect(names).toEqual(['default-4', 'default-2']);
  });

  it('renames an import whose namesake another import updates, rather than storing two of one name', () => {
    const pasted = [
      '[renamed-keys]',
      `aws_access_key_id = ${work.accessKeyId}`,
      `aws_secret_access_key = ${FRESH_SECRET}`,
      '[work]',
      'aws_access_key_id = AKIAOTHEROTHEROTHER1',
      `aws_secret_access_key = ${FRESH_SECRET}`,
    ].join('\n');
    const entries = previewImport(pasted, NOW, (entry) => entry.section, [work]).entries;
    expect(entries.map((entry) => [entry.profile?.name, entry.replaces?.id])).toEqual([
      ['work', 'stored-work'],
      ['work-2', undefined],
    ]);
    expect(entries[1]?.renamed?.message).toBe(
      'A profile named “work” is updated by another import: this one is added as “work-2”.',
    );
  });

  it('replaces a stored profile once: a second import matching it is added as new', () => {
    const pasted = [
      '[work]',
      `aws_access_key_id = ${work.accessKeyId}`,
      `aws_secret_access_key = ${FRESH_SECRET}`,
      '[other]',
      `aws_access_key_id = ${work.accessKeyId}`,
      `aws_secret_access_key = ${FRESH_SECRET}`,
    ].join('\n');
    const ids = idMaker();
    const preview = previewImport(pasted, NOW, ids.makeId, [work]);
    expect(preview.entries.map((entry) => [entry.profile?.id, entry.replaces?.name])).toEqual([
      ['stored-work', 'work'],
      ['new-1', undefined],
    ]);
  });

  it('adds a profile with no namesake or same key with the id makeId gives it', () => {
    const preview = previewImport(exported('prod', 'ASIAPRODPRODPRODPROD'), NOW, () => 'fresh-id', [ssoDev]);
    expect(preview.entries[0]?.replaces).toBeUndefined();
    expect(preview.entries[0]?.profile?.id).toBe('fresh-id');
  });

  it('says how to refresh, without repeating a secret, when the fresh keys are expired too', () => {
    const pasted = exported('sso-dev').replace(LATER, '2026-11-22T09:30:00Z');
    const entry = previewImport(pasted, NOW, idMaker().makeId, [ssoDev]).entries[0];
    expect(entry?.replaces?.name).toBe('sso-dev');
    expect(entry?.errors?.sessionExpiration).toMatch(
      /already expired: run `aws configure export-credentials`/,
    );
    expect(JSON.stringify(entry)).not.toContain(SECRET);
  });
});

describe('importing refreshed keys, then saving', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const save = (profiles: readonly Profile[]) => saveProfiles(profiles);
  const ready = (text: string, existing: readonly Profile[], makeId: (entry: ImportEntry) => string) =>
    previewImport(text, NOW, makeId, existing).entries.flatMap((entry) =>
      entry.profile ? [entry.profile] : [],
    );

  it('leaves one "sso-dev" profile, not two, when the keys are imported again after they expire', async () => {
    await save(ready(exported('sso-dev', 'ASIAFIRSTFIRSTFIRST1'), [], idMaker().makeId));
    const first = await storedProfiles();
    expect(first.map((profile) => profile.name)).toEqual(['sso-dev']);
    await profilesItem.setValue([{ ...(first[0] as Profile), defaultBucket: 'reports' }]);

    // A new panel, hours later: new ids, but the stored profile is found by its name.
    await save(ready(exported('sso-dev'), await storedProfiles(), idMaker().makeId));
    const stored = await storedProfiles();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: first[0]?.id,
      accessKeyId: 'ASIAFRESHFRESHFRESH1',
      defaultBucket: 'reports',
    });
  });

  it('saves each profile once when Save is pressed again in the same panel', async () => {
    const ids = idMaker();
    const text = [exported('dev', 'ASIADEVDEVDEVDEVDEV1'), exported('prod', 'ASIAPRODPRODPRODPROD')].join(
      '\n',
    );
    await save(ready(text, [], ids.makeId));
    // A step after the write failed ("saved, but… save again"): the panel renders again and is saved again.
    await save(ready(text, await storedProfiles(), ids.makeId));
    await save(ready(text, [], ids.makeId)); // even before the panel has seen the stored profiles
    expect((await storedProfiles()).map((profile) => profile.name)).toEqual(['dev', 'prod']);
  });

  it('stores a profile given twice in one save once', async () => {
    await saveProfiles([work, { ...work, region: 'eu-west-1' }]);
    expect(await storedProfiles()).toEqual([{ ...work, region: 'eu-west-1' }]);
  });
});
