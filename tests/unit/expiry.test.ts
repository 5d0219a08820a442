import { describe, expect, it } from 'vitest';
import { PresignError } from '@/utils/errors';
import {
  checkExpiresIn,
  durationInput,
  EXPIRY_PRESETS,
  formatDuration,
  formatUtc,
  parseExpiry,
  resolveExpiry,
} from '@/utils/expiry';

const NOW = new Date('2026-11-22T10:00:00.750Z');

describe('parseExpiry', () => {
  it.each([
    ['1', 1],
    ['3600', 3_600],
    [' 900 ', 900],
    ['90s', 90],
    ['15m', 900],
    ['15 min', 900],
    ['1h', 3_600],
    ['1 hour', 3_600],
    ['1h30m', 5_400],
    ['1h 30m', 5_400],
    ['2 hours, 15 minutes', 8_100],
    ['1.5h', 5_400],
    ['1d', 86_400],
    ['7d', 604_800],
    ['7 DAYS', 604_800],
    ['1w', 604_800],
    ['6d23h59m59s', 604_799],
    [604_800, 604_800],
  ] as [string | number, number][])('%j is %i seconds', (text, seconds) => {
    expect(parseExpiry(text)).toBe(seconds);
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['abc', /Could not read “abc”/],
    ['15x', /“x” is not a unit of time/],
    ['1h and more', /Could not read “1h and more”/],
    ['-5', /Could not read/],
    ['0', /at least 1 second/],
    ['0s', /at least 1 second/],
    ['8d', /at most 7 days/],
    ['604801', /at most 7 days/],
    ['1.5s', /whole number of seconds/],
    [Number.NaN, /not a number/],
    [Number.POSITIVE_INFINITY, /not a number/],
  ] as [string | number, RegExp][])('refuses %j', (text, message) => {
    expect(() => parseExpiry(text)).toThrowError(message);
    try {
      parseExpiry(text);
    } catch (error) {
      expect(error).toBeInstanceOf(PresignError);
      expect((error as PresignError).code).toBe('invalid-expiry');
    }
  });

  it('offers presets that are all valid', () => {
    expect(EXPIRY_PRESETS.map((preset) => checkExpiresIn(preset.seconds))).toEqual([
      900, 3_600, 86_400, 604_800,
    ]);
  });
});

describe('resolveExpiry', () => {
  it('counts from the whole second the link is signed', () => {
    expect(resolveExpiry(3_600, NOW)).toEqual({
      expiresIn: 3_600,
      expiresAt: new Date('2026-11-22T11:00:00Z'),
      warnings: [],
    });
  });

  it('keeps the request when credentials outlive it', () => {
    const result = resolveExpiry(3_600, NOW, new Date('2026-11-22T12:00:00Z'));
    expect(result.expiresIn).toBe(3_600);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the request when credentials end exactly with it', () => {
    expect(resolveExpiry(3_600, NOW, new Date('2026-11-22T11:00:00Z')).warnings).toEqual([]);
  });

  it('warns when temporary credentials of unknown end sign, and not for long-term keys', () => {
    const temporary = resolveExpiry(604_800, NOW, undefined, true);
    expect(temporary.expiresIn).toBe(604_800);
    expect(temporary.warnings.map((warning) => warning.code)).toEqual(['session-end-unknown']);
    expect(temporary.warnings[0]?.message).toMatch(/possibly before the time shown/);
    expect(resolveExpiry(604_800, NOW, undefined, false).warnings).toEqual([]);
    // A known end says the real one instead.
    expect(resolveExpiry(60, NOW, new Date('2026-11-22T11:00:00Z'), true).warnings).toEqual([]);
  });

  it('clamps to temporary credentials and says until when', () => {
    const result = resolveExpiry(604_800, NOW, new Date('2026-11-22T10:45:00Z'));
    expect(result.expiresIn).toBe(2_700);
    expect(result.expiresAt).toEqual(new Date('2026-11-22T10:45:00Z'));
    expect(result.warnings).toEqual([
      {
        code: 'clamped-to-credentials',
        message:
          'The link will stop working after 45 minutes, not 7 days: the temporary credentials that sign it expire at 10:45 UTC on 22 Nov 2026.',
      },
    ]);
  });

  it('names the end of the credentials as a readable UTC time, never a raw ISO string', () => {
    const [warning] = resolveExpiry(3_600, NOW, new Date('2026-11-22T10:20:30.400Z')).warnings;
    expect(warning?.message).toMatch(/expire at 10:20:30 UTC on 22 Nov 2026\.$/);
    expect(warning?.message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it.each([
    ['already expired', new Date('2026-11-22T09:00:00Z')],
    ['expiring this second', new Date('2026-11-22T10:00:00.900Z')],
  ])('refuses credentials %s', (_name, expiration) => {
    expect(() => resolveExpiry(60, NOW, expiration)).toThrowError(/expired at .*Get fresh ones/);
  });

  it('refuses an expiry out of range before looking at credentials', () => {
    expect(() => resolveExpiry(0, NOW)).toThrowError(/at least 1 second/);
  });
});

describe('durationInput', () => {
  it.each([
    [900, '15m'],
    [5_400, '1h30m'],
    [604_800, '7d'],
    [93_784, '1d2h3m4s'],
    [45, '45s'],
  ])('writes %i seconds as %s', (seconds, text) => {
    expect(durationInput(seconds)).toBe(text);
  });

  it('is read back by parseExpiry as exactly the same number of seconds', () => {
    for (const seconds of [1, 59, 61, 3_599, 3_601, 86_399, 90_061, 604_800]) {
      expect(parseExpiry(durationInput(seconds))).toBe(seconds);
    }
  });
});

describe('formatUtc', () => {
  it.each([
    ['2026-11-22T10:45:00.000Z', '10:45 UTC on 22 Nov 2026'],
    ['2026-01-05T07:03:09.999Z', '07:03:09 UTC on 5 Jan 2026'],
    ['2026-12-31T23:59:00Z', '23:59 UTC on 31 Dec 2026'],
  ])('%s reads %s', (iso, text) => {
    expect(formatUtc(new Date(iso))).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [45, '45 seconds'],
    [60, '1 minute'],
    [900, '15 minutes'],
    [3_600, '1 hour'],
    [5_400, '1 hour 30 minutes'],
    [3_601, '1 hour'],
    [86_400, '1 day'],
    [90_000, '1 day 1 hour'],
    [604_800, '7 days'],
  ])('%i s reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
