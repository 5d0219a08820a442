import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { aroundElement } from '@/components/around-element';

// Messages with an element inside (a <code>, a <time>) stay whole in en.yml; the component puts the element
// between the two halves aroundElement returns. The English must read as it did before the strings moved.

describe('aroundElement', () => {
  it('splits a message at the placeholder the element fills', () => {
    const [before, after] = aroundElement((command) => i18n.t('importPanel.paste', { command }));
    expect(before).toBe('Paste ~/.aws/credentials, ~/.aws/config, or what ');
    expect(after).toBe(' prints');
  });

  it('keeps the values substituted around the element, braces and dollars included', () => {
    const [before, after] = aroundElement((at) =>
      i18n.t('linkResult.expires', { kind: 'Download link', at, duration: '1 hour', profile: 'a {b} $1' }),
    );
    expect(before).toBe('Download link, expires ');
    expect(after).toBe(' (in 1 hour), signed with “a {b} $1”.');
  });

  it('gives the whole message and an empty second half when the element is left out', () => {
    expect(aroundElement(() => 'no element')).toEqual(['no element', '']);
  });
});

describe('counted messages of the popup', () => {
  it.each([
    [1, '1 item'],
    [2, '2 items'],
    [0, '0 items'],
  ])('listing status: %i → %s', (count, text) => {
    expect(i18n.t('listingStatus.items', count, { n: count })).toBe(text);
  });

  it.each([
    [1, 'Up to 1,000 links are kept; expired ones go after 1 day.'],
    [30, 'Up to 1,000 links are kept; expired ones go after 30 days.'],
  ])('history: %i → %s', (days, text) => {
    expect(i18n.t('historyView.kept', days, { n: days })).toBe(text);
  });

  it('formats the count as given (1,500), choosing the form by the number', () => {
    expect(i18n.t('bulkLinks.under', 1500, { n: '1,500', where: 'b/p/' })).toBe(
      '1,500 objects under b/p/ (sub-folders included)',
    );
    expect(i18n.t('bulkLinks.ticked', 1, { n: '1' })).toBe('1 object ticked');
  });

  it('says the connection test in one sentence per case', () => {
    expect(i18n.t('connTest.buckets', 1, { n: 1, names: 'photos' })).toBe('Connected: 1 bucket (photos).');
    expect(i18n.t('connTest.buckets', 3, { n: 3, names: 'a, b, c' })).toBe('Connected: 3 buckets (a, b, c).');
  });
});
