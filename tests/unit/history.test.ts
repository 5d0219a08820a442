import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@/utils/adapters/storage';
import {
  addEntries,
  type ClockedHistoryEntry,
  clockOffsetOf,
  formatCountdown,
  isExpired,
  parseKeepDays,
  pruneHistory,
  recopyUrl,
  restoreSessionToken,
  stripSessionToken,
  tokenDigest,
  toStoredEntry,
} from '@/utils/history';

// The history's pure core: no session token is ever stored, expired links are pruned after the kept days, the
// list is capped, and the countdown reads as a person would say it.

const NOW = new Date('2026-11-29T12:00:00Z');
const TOKEN = 'FwoGZXIvYXdzE+/abc=def==';
const SIGNED =
  'https://b.s3.amazonaws.com/a/..%2F/k%20x?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA%2F20261129%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261129T120000Z&X-Amz-Expires=3600&X-Amz-Security-Token=FwoGZXIvYXdzE%2B%2Fabc%3Ddef%3D%3D&X-Amz-SignedHeaders=host&X-Amz-Signature=ab';

function entry(id: string, expiresAt: string, createdAt = '2026-11-29T11:00:00.000Z'): HistoryEntry {
  return {
    id,
    source: 'popup',
    method: 'GET',
    bucket: 'b',
    key: id,
    profileId: 'p',
    profileName: 'P',
    createdAt,
    expiresAt,
    url: `https://b.s3.amazonaws.com/${id}?X-Amz-Signature=ab`,
  };
}

describe('stripSessionToken / restoreSessionToken', () => {
  it('removes the token, keeps everything else byte for byte, and returns the token decoded', () => {
    const { url, token } = stripSessionToken(SIGNED);
    expect(token).toBe(TOKEN);
    expect(url).not.toMatch(/Security-Token/i);
    expect(url).toBe(SIGNED.replace('&X-Amz-Security-Token=FwoGZXIvYXdzE%2B%2Fabc%3Ddef%3D%3D', ''));
  });

  it('leaves a link without a token as it is', () => {
    const plain = 'https://h/b/k?X-Amz-Signature=ab';
    expect(stripSessionToken(plain)).toEqual({ url: plain });
  });

  it('finds the parameter whatever its case', () => {
    expect(stripSessionToken('https://h/k?x-amz-security-token=T&a=1')).toEqual({
      url: 'https://h/k?a=1',
      token: 'T',
    });
  });

  it('puts the token back SigV4-encoded', () => {
    const { url } = stripSessionToken(SIGNED);
    expect(restoreSessionToken(url, TOKEN)).toMatch(
      /&X-Amz-Security-Token=FwoGZXIvYXdzE%2B%2Fabc%3Ddef%3D%3D$/,
    );
  });
});

describe('toStoredEntry and recopyUrl', () => {
  const fresh = { ...entry('k', '2026-11-29T13:00:00.000Z'), url: SIGNED };

  it('stores the link without its token, with the token’s digest', async () => {
    const stored = await toStoredEntry(fresh);
    expect(JSON.stringify(stored)).not.toContain('FwoGZXIvYXdzE');
    expect(stored.tokenDigest).toBe(await tokenDigest(TOKEN));
    expect(stored.tokenDigest).toMatch(/^[0-9a-f]{16}$/);
  });

  it('copies again with the profile’s current token when it is the one the link was signed with', async () => {
    const stored = await toStoredEntry(fresh);
    const again = await recopyUrl(stored, { accessKeyId: 'ASIA', sessionToken: TOKEN });
    expect(again).toEqual({ url: `${stored.url}&X-Amz-Security-Token=FwoGZXIvYXdzE%2B%2Fabc%3Ddef%3D%3D` });
  });

  it('refuses when the profile now holds another token, or none', async () => {
    const stored = await toStoredEntry(fresh);
    for (const current of [
      { accessKeyId: 'ASIA', sessionToken: 'another-token' },
      { accessKeyId: 'ASIA' },
      undefined,
    ]) {
      const again = await recopyUrl(stored, current);
      expect(again).toMatchObject({ problem: expect.stringMatching(/cannot be copied again/) });
    }
  });

  const LONG_TERM =
    'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAOLD%2F20261129%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261129T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=ab';

  it('copies a link signed with long-term keys as stored while the profile holds the same key', async () => {
    const stored = await toStoredEntry({ ...entry('k', '2026-11-29T13:00:00.000Z'), url: LONG_TERM });
    expect(stored.tokenDigest).toBeUndefined();
    expect(await recopyUrl(stored, { accessKeyId: 'AKIAOLD' })).toEqual({ url: stored.url });
  });

  it('warns that a long-term link probably stopped working once its profile holds another key, or is gone', async () => {
    const stored = await toStoredEntry({ ...entry('k', '2026-11-29T13:00:00.000Z'), url: LONG_TERM });
    expect(await recopyUrl(stored, { accessKeyId: 'AKIANEW' })).toEqual({
      url: stored.url,
      warning: expect.stringMatching(/another access key now.*no longer works\. Test it/),
    });
    expect(await recopyUrl(stored, undefined)).toEqual({
      url: stored.url,
      warning: expect.stringMatching(/has been removed.*Test it/),
    });
  });
});

describe('pruneHistory and addEntries', () => {
  const live = entry('live', '2026-11-29T13:00:00.000Z');
  const justExpired = entry('just', '2026-11-29T11:59:00.000Z');
  const weekOld = entry('old', '2026-11-21T12:00:00.000Z');

  it('keeps live links and those expired within the kept days', () => {
    expect(pruneHistory([live, justExpired, weekOld], NOW, 7).map((e) => e.id)).toEqual(['live', 'just']);
    expect(pruneHistory([live, justExpired, weekOld], NOW, 9).map((e) => e.id)).toEqual([
      'live',
      'just',
      'old',
    ]);
  });

  it('drops every expired link with 0 days', () => {
    expect(pruneHistory([live, justExpired, weekOld], NOW, 0).map((e) => e.id)).toEqual(['live']);
  });

  it('keeps one entry per link: the same link recorded again moves to the top', () => {
    const first = entry('a', '2026-11-29T13:00:00.000Z', '2026-11-29T10:00:00.000Z');
    const other = entry('b', '2026-11-29T13:00:00.000Z', '2026-11-29T10:30:00.000Z');
    const again = { ...first, id: 'a2', createdAt: '2026-11-29T11:00:00.000Z' };
    expect(addEntries([other, first], [again], NOW, 7).map((e) => e.id)).toEqual(['a2', 'b']);
  });

  it('adds newest first and caps the list', () => {
    const list = [entry('b', '2026-11-29T13:00:00.000Z', '2026-11-29T10:00:00.000Z')];
    const added = [
      entry('c', '2026-11-29T13:00:00.000Z', '2026-11-29T11:00:00.000Z'),
      entry('d', '2026-11-29T13:00:00.000Z', '2026-11-29T11:30:00.000Z'),
    ];
    expect(addEntries(list, added, NOW, 7).map((e) => e.id)).toEqual(['d', 'c', 'b']);
    expect(addEntries(list, added, NOW, 7, 2).map((e) => e.id)).toEqual(['d', 'c']);
  });
});

describe('formatCountdown', () => {
  it.each([
    ['2026-11-29T12:59:59Z', 'expires in 59 min'],
    ['2026-11-29T12:00:30Z', 'expires in 30 s'],
    ['2026-11-29T13:00:00Z', 'expires in 1 h'],
    ['2026-11-29T14:05:00Z', 'expires in 2 h 5 min'],
    ['2026-11-30T00:00:00Z', 'expires in 12 h'],
    ['2026-12-06T12:00:00Z', 'expires in 7 days'],
    ['2026-11-29T12:00:00Z', 'expired 0 s ago'],
    ['2026-11-29T09:00:00Z', 'expired 3 h ago'],
    ['2026-11-29T11:58:00Z', 'expired 2 min ago'],
    ['2026-11-26T12:00:00Z', 'expired 3 days ago'],
    ['not a date', 'expiry unknown'],
  ])('%s → %s', (expiresAt, text) => {
    expect(formatCountdown(expiresAt, NOW)).toBe(text);
  });
});

describe('a link signed with the corrected time (store’s clock 2 hours ahead)', () => {
  // Signed at the store's 14:00 while this computer says 12:00: a 1-hour link ends at the store's 15:00.
  const clocked: ClockedHistoryEntry = {
    ...entry('c', '2026-11-29T15:00:00.000Z'),
    clockOffsetMs: 2 * 3_600_000,
  };

  it('counts down on the store’s clock: "expires in 1 h", not 3 h', () => {
    expect(formatCountdown(clocked.expiresAt, NOW, clockOffsetOf(clocked))).toBe('expires in 1 h');
  });

  it('is expired once the store’s clock passes its end', () => {
    expect(isExpired(clocked, new Date('2026-11-29T12:59:00Z'))).toBe(false);
    expect(isExpired(clocked, new Date('2026-11-29T13:00:00Z'))).toBe(true);
  });

  it('is pruned on the store’s clock too', () => {
    expect(pruneHistory([clocked], new Date('2026-11-29T13:00:01Z'), 0)).toEqual([]);
  });

  it('reads no offset from an entry without one, or with a bad one', () => {
    expect(clockOffsetOf(entry('x', '2026-11-29T13:00:00.000Z'))).toBe(0);
    expect(clockOffsetOf({ ...entry('x', '2026-11-29T13:00:00.000Z'), clockOffsetMs: 'x' } as never)).toBe(0);
  });
});

describe('parseKeepDays', () => {
  it.each([
    ['7', 7],
    [' 0 ', 0],
    ['365', 365],
  ])('accepts %j', (text, days) => {
    expect(parseKeepDays(text)).toBe(days);
  });

  it.each([
    ['', /whole number/],
    ['-1', /whole number/],
    ['1.5', /whole number/],
    ['366', /At most 365/],
  ])('refuses %j with a message', (text, message) => {
    expect(parseKeepDays(text)).toMatch(message);
  });
});
