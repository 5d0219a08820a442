// vitest setup (unit project): browser.i18n.getMessage for fakeBrowser, which leaves it unimplemented, reading
// the same English strings the build puts into _locales (locales/en.yml through @wxt-dev/i18n's own converter).
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

/** Chrome's rules: "$1"…"$9" are the substitutions, "$$" is a "$"; an unknown name gives "". */
fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | (string | number)[]): string => {
  const message = messages[name]?.message;
  if (message === undefined) return '';
  const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\$|[1-9])/g, (_match, what: string) =>
    what === '$' ? '$' : String(values[Number(what) - 1] ?? ''),
  );
};
