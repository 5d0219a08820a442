import { describe, expect, it } from 'vitest';
import { PresignError } from '@/utils/errors';
import { copiedNotice, failureNotice } from '@/utils/notice';
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
const time = (date: Date): string => date.toISOString().slice(11, 16);

describe('copiedNotice', () => {
  it('says what was copied, when it expires and which profile signed', () => {
    expect(copiedNotice(link, time)).toEqual({
      title: 'Link copied: q3.pdf',
      message: 'Expires 11:00 (in 1 hour). Signed with profile “work”.',
    });
  });

  it('names upload links and adds every warning', () => {
    const notice = copiedNotice(
      {
        ...link,
        method: 'PUT',
        warnings: [{ code: 'clamped-to-credentials', message: 'Cut to 30 minutes.' }],
      },
      time,
    );
    expect(notice.title).toBe('Upload link copied: q3.pdf');
    expect(notice.message.split('\n')).toEqual([
      'Expires 11:00 (in 1 hour). Signed with profile “work”.',
      'Cut to 30 minutes.',
    ]);
  });
});

describe('failureNotice', () => {
  it('shows a PresignError in its own words', () => {
    expect(failureNotice(new PresignError('not-s3', 'That is not an S3 link.')).message).toBe(
      'That is not an S3 link.',
    );
  });

  it('never shows the text of an unexpected error, which could hold anything', () => {
    const notice = failureNotice(new Error('secret wJalrXUtnFEMI/K7MDENG leaked into a stack'));
    expect(notice.message).not.toContain('wJalrXUtnFEMI');
    expect(notice.message).toMatch(/unexpected/);
  });
});
