import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveProfiles } from '@/utils/adapters/profile-store';
import { profilesItem } from '@/utils/adapters/storage';
import { type ImportEntry, previewImport } from '@/utils/import-credentials';
import type { Profile } from '@/utils/profile';

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
    const first = await profilesItem.getValue();
    expect(first.map((profile) => profile.name)).toEqual(['sso-dev']);
    await profilesItem.setValue([{ ...(first[0] as Profile), defaultBucket: 'reports' }]);

    // A new panel, hours later: new ids, but the stored profile is found by its name.
    await save(ready(exported('sso-dev'), await profilesItem.getValue(), idMaker().makeId));
    const stored = await profilesItem.getValue();
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
    await save(ready(text, await profilesItem.getValue(), ids.makeId));
    await save(ready(text, [], ids.makeId)); // even before the panel has seen the stored profiles
    expect((await profilesItem.getValue()).map((profile) => profile.name)).toEqual(['dev', 'prod']);
  });

  it('stores a profile given twice in one save once', async () => {
    await saveProfiles([work, { ...work, region: 'eu-west-1' }]);
    expect(await profilesItem.getValue()).toEqual([{ ...work, region: 'eu-west-1' }]);
  });
});
