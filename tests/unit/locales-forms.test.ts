import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { aroundElement } from '@/components/around-element';
import { FILENAME } from '@/utils/post-policy';

// The messages of locales/en.yml that are more than a plain string: plural forms and the sentence QrCode splits
// around a <time> element. Each must read exactly as the English the components showed before they moved there.

describe('plural messages', () => {
  it.each([
    [1, ['work'], '1 profile: work'],
    [2, ['work', 'home'], '2 profiles: work, home'],
  ])('signForm.profiles with %i', (n, names, text) => {
    expect(i18n.t('signForm.profiles', n, { n, names: names.join(', ') })).toBe(text);
  });

  const rest =
    'Their names, endpoints and regions stay, and so do your settings: you enter the keys again afterwards. This cannot be undone.';
  it.each([
    [[], `Reset deletes the secret keys and session tokens of your 0 profiles. ${rest}`],
    [['work'], `Reset deletes the secret keys and session tokens of your profile (work). ${rest}`],
    [
      ['work', 'home'],
      `Reset deletes the secret keys and session tokens of your 2 profiles (work, home). ${rest}`,
    ],
  ])('unlock.resetWarning for %j', (names, text) => {
    expect(i18n.t('unlock.resetWarning', names.length, { n: names.length, names: names.join(', ') })).toBe(
      text,
    );
  });
});

describe('messages with a value inside', () => {
  it('splits qrCode.expires where the <time> element goes', () => {
    expect(aroundElement((at) => i18n.t('qrCode.expires', { at }))).toEqual(['Expires ', '']);
  });

  it('keeps a "$" in a value as it is (only {names} are replaced)', () => {
    expect(FILENAME).toContain('$');
    expect(i18n.t('postPolicy.prefixHint', { token: FILENAME })).toBe(
      `The uploaded file’s name is appended (${FILENAME}).`,
    );
  });

  it('says how far the clock is off, in both directions', () => {
    expect(i18n.t('objectPanel.clockBehind', { duration: '5 minutes' })).toBe(
      'Signed with the store’s time: this computer’s clock is 5 minutes behind.',
    );
    expect(i18n.t('objectPanel.clockAhead', { duration: '5 minutes' })).toBe(
      'Signed with the store’s time: this computer’s clock is 5 minutes ahead.',
    );
  });
});
