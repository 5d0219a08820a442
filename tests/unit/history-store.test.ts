import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearHistory,
  forgetEntry,
  pruneStoredHistory,
  recordLink,
  recordLinks,
} from '@/utils/adapters/history-store';
import { historyItem, historySettingsItem } from '@/utils/adapters/storage';
import type { SignedLink } from '@/utils/sign-link';

// The history's storage against WXT's fakeBrowser: concurrent writers never drop an entry, the switch is
// honoured, the list is capped at 1,000, and no session token is written.

const NOW = new Date('2026-11-29T12:00:00Z');

function link(key: string, extra = '', expiresAt = '2026-11-29T13:00:00.000Z'): SignedLink {
  return {
    url: `https://b.s3.amazonaws.com/${key}?X-Amz-Date=20261129T120000Z&X-Amz-Expires=3600${extra}&X-Amz-Signature=ab`,
    method: 'GET',
    bucket: 'b',
    key,
    expiresIn: 3600,
    expiresAt,
    profileName: 'Work',
    profileId: 'p1',
    requiredHeaders: {},
    warnings: [],
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('history store', () => {
  it('records a link with where it came from', async () => {
    expect(await recordLink(link('a.txt'), { source: 'menu', now: NOW })).toBe(true);
    const [entry] = await historyItem.getValue();
    expect(entry).toMatchObject({
      source: 'menu',
      method: 'GET',
      bucket: 'b',
      key: 'a.txt',
      profileId: 'p1',
      profileName: 'Work',
      createdAt: NOW.toISOString(),
      expiresAt: '2026-11-29T13:00:00.000Z',
    });
  });

  it('records the clock offset of a link signed with the corrected time, and none otherwise', async () => {
    await recordLink(link('late.txt'), { source: 'popup', now: NOW, clockOffsetMs: 7_200_000 });
    await recordLink(link('plain.txt'), { source: 'popup', now: NOW, clockOffsetMs: 0 });
    const [plain, late] = await historyItem.getValue();
    expect(late).toMatchObject({ key: 'late.txt', clockOffsetMs: 7_200_000 });
    expect(plain?.key).toBe('plain.txt');
    expect(plain).not.toHaveProperty('clockOffsetMs');
  });

  it('never writes a session token to storage', async () => {
    await recordLink(link('t.txt', '&X-Amz-Security-Token=SECRET%2BTOKEN'), { source: 'popup', now: NOW });
    const all = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(all).not.toContain('SECRET');
    expect((await historyItem.getValue())[0]?.tokenDigest).toMatch(/^[0-9a-f]{16}$/);
  });

  it('loses no entry to many writers at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => recordLink(link(`k${i}`), { source: 'popup', now: NOW })),
    );
    const keys = (await historyItem.getValue()).map((entry) => entry.key).sort();
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
  });

  it('records nothing while history is off', async () => {
    await historySettingsItem.setValue({ enabled: false, keepExpiredDays: 7 });
    expect(await recordLink(link('a'), { source: 'popup', now: NOW })).toBe(false);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('keeps the 1,000 newest', async () => {
    await recordLinks(
      Array.from({ length: 1_000 }, (_, i) => link(`old${i}`)),
      { source: 'bulk', now: new Date(NOW.getTime() - 1000) },
    );
    await recordLinks([link('new1'), link('new2')], { source: 'bulk', now: NOW });
    const list = await historyItem.getValue();
    expect(list).toHaveLength(1_000);
    expect(
      list
        .slice(0, 2)
        .map((entry) => entry.key)
        .sort(),
    ).toEqual(['new1', 'new2']);
  });

  it('records at most 1,000 of a larger bulk copy, its first ones', async () => {
    const recorded = await recordLinks(
      Array.from({ length: 1_500 }, (_, i) => link(`bulk${i}`)),
      { source: 'bulk', now: NOW },
    );
    expect(recorded).toBe(1_000);
    const keys = (await historyItem.getValue()).map((entry) => entry.key);
    expect(keys).toHaveLength(1_000);
    expect(keys).toContain('bulk0');
    expect(keys).not.toContain('bulk1000');
  });

  it('prunes expired entries past the kept days as it writes and on request', async () => {
    await recordLink(link('gone', '', '2026-11-01T00:00:00.000Z'), {
      source: 'popup',
      now: new Date('2026-10-31T00:00:00Z'),
    });
    await recordLink(link('kept', '', '2026-11-28T00:00:00.000Z'), {
      source: 'popup',
      now: new Date('2026-11-27T00:00:00Z'),
    });
    expect((await historyItem.getValue()).map((entry) => entry.key)).toEqual(['kept']);
    await historySettingsItem.setValue({ enabled: true, keepExpiredDays: 0 });
    await pruneStoredHistory(NOW);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('forgets one entry, and clears all', async () => {
    await recordLinks([link('a'), link('b')], { source: 'popup', now: NOW });
    const [first] = await historyItem.getValue();
    await forgetEntry(first?.id ?? '');
    expect(await historyItem.getValue()).toHaveLength(1);
    await clearHistory();
    expect(await historyItem.getValue()).toEqual([]);
  });
});
