import { describe, expect, it } from 'vitest';
import { PresignError, type PresignErrorCode } from '@/utils/errors';
import { copiedNotice, expiryTime, failureNotice, shownInTabNotice } from '@/utils/notice';
import type { SignedLink } from '@/utils/sign-link';

const link: SignedLink = {
  url: 'https://bucket.s3.amazonaws.com/reports/q3.pdf?X-Amz-Signature=abc',
  method: 'GET',
  bucket: 'bucket',
  key: 'reports/q3.pdf',
  expiresIn: 3600,
  expiresAt: '2026-11-22T11:00:00.000Z',
  profileName: 'work',
  requiredHeaders: {},
  warnings: [],
};
const clock = { now: new Date('2026-11-22T10:00:00Z'), locale: 'en-GB', timeZone: 'UTC' };

describe('expiryTime', () => {
  it('gives the time alone for a link that ends today, with the day otherwise', () => {
    expect(expiryTime(new Date('2026-11-22T14:32:00Z'), clock)).toBe('14:32');
    expect(expiryTime(new Date('2026-11-29T10:00:00Z'), clock)).toBe('Sun 29 Nov 10:00');
  });

  it('counts days in the user’s time zone, not UTC', () => {
    const tokyo = { ...clock, timeZone: 'Asia/Tokyo' };
    // 10:00Z is 19:00 in Tokyo; 16:00Z is already the next day there.
    expect(expiryTime(new Date('2026-11-22T14:00:00Z'), tokyo)).toBe('23:00');
    expect(expiryTime(new Date('2026-11-22T16:00:00Z'), tokyo)).toBe('Mon 23 Nov 01:00');
  });
});

describe('copiedNotice', () => {
  it('says it was copied, when it expires, what and which profile signed', () => {
    expect(copiedNotice(link, clock)).toEqual({
      title: 'Link copied — expires 11:00 (in 1 hour)',
      message: '“q3.pdf” in bucket “bucket”, signed with profile “work”.',
    });
  });

  it('says why that profile when several could sign', () => {
    const note = 'the one last used for bucket “bucket”; 1 other profile could sign: open the bucket…';
    expect(copiedNotice({ ...link, profileNote: note }, clock).message).toBe(
      `“q3.pdf” in bucket “bucket”, signed with profile “work”, ${note}.`,
    );
  });

  it('names upload links, the last picked object and every warning (the clamp among them)', () => {
    const notice = copiedNotice(
      {
        ...link,
        method: 'PUT',
        expiresIn: 1800,
        expiresAt: '2026-11-22T10:30:00.000Z',
        warnings: [{ code: 'clamped-to-credentials', message: 'Cut to 30 minutes.' }],
      },
      clock,
      'last-picked',
    );
    expect(notice.title).toBe('Upload link copied — expires 10:30 (in 30 minutes)');
    expect(notice.message.split('\n')).toEqual([
      '“q3.pdf” in bucket “bucket”, signed with profile “work”.',
      'The current tab shows no S3 object, so this is the object you last picked in the popup.',
      'Cut to 30 minutes.',
    ]);
  });
});

describe('shownInTabNotice', () => {
  it('says the clipboard refused and where the link is', () => {
    expect(shownInTabNotice(link, clock)).toEqual({
      title: 'Copy the link from the new tab',
      message:
        'The browser would not let S3 Presign write to the clipboard, so the link for “q3.pdf” opened in a new tab: select it there and copy it.\nIt expires 11:00 (in 1 hour), signed with profile “work”.',
    });
  });
});

describe('failureNotice', () => {
  it.each<[PresignErrorCode, string]>([
    ['not-a-url', 'Not a link to an S3 object'],
    ['not-s3', 'Not a link to an S3 object'],
    ['no-key', 'No S3 object here'],
    ['website-endpoint', 'This S3 link cannot be signed'],
    ['access-point', 'This S3 link cannot be signed'],
    ['invalid-bucket', 'This S3 link cannot be signed'],
    ['invalid-key', 'This S3 link cannot be signed'],
    ['bad-encoding', 'This S3 link cannot be signed'],
    ['no-profile', 'No profile for this bucket'],
    ['credentials-expired', 'Credentials expired'],
    ['invalid-credentials', 'A profile needs fixing'],
    ['invalid-region', 'A profile needs fixing'],
    ['invalid-endpoint', 'A profile needs fixing'],
    ['invalid-expiry', 'Expiry not allowed'],
    ['clipboard-failed', 'The link could not be copied'],
    ['host-permission', 'Cannot read this tab'],
    ['internal', 'S3 Presign could not copy a link'],
  ])('titles %s “%s” and shows the error’s own words', (code, title) => {
    expect(failureNotice(new PresignError(code, 'What happened; what to do.'))).toEqual({
      title,
      message: 'What happened; what to do.',
    });
  });

  it('never shows the text of an unexpected error, which could hold anything', () => {
    const notice = failureNotice(new Error('secret wJalrXUtnFEMI/K7MDENG leaked into a stack'));
    expect(notice.message).not.toContain('wJalrXUtnFEMI');
    expect(notice.message).toMatch(/unexpected/);
  });
});
