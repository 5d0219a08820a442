import { readFileSync } from 'node:fs';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';

// locales/en.yml is what the build turns into _locales/en/messages.json: the stores' limits and the
// manifest's __MSG_…__ references are checked here, before an upload is refused.

const messages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

describe('the English strings (locales/en.yml)', () => {
  it('keeps the name and description within the stores’ limits', () => {
    // Chrome: name 75 characters, description 132; AMO: name 50.
    expect(messages.extName?.message.length).toBeLessThanOrEqual(50);
    expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('has every message the manifest names in wxt.config.ts', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const named = [...config.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] as string);
    expect(named.length).toBeGreaterThan(3);
    for (const name of named) expect(messages[name]?.message, name).toBeTruthy();
  });

  it('has no "$" in any message (browser.i18n reads "$1" as a substitution)', () => {
    const withDollar = Object.entries(messages).filter(([, value]) => value.message.includes('$'));
    expect(withDollar).toEqual([]);
  });

  it('is what i18n.t reads under vitest, named substitutions included', () => {
    expect(i18n.t('extName')).toBe('S3 Presign');
    expect(i18n.t('about.version', { version: '1.2.3' })).toBe('Version 1.2.3');
  });
});
