import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

/** Read when rendering, not on import (no navigator in Node, where the unit tests import this file). */
const isFirefox = (): boolean => navigator.userAgent.includes('Firefox/');

/** The shortcuts as the browser has them bound now, or a line saying why they could not be read. */
export async function readShortcuts(
  commands: Pick<typeof browser.commands, 'getAll'> = browser.commands,
): Promise<{ shortcuts: Shortcut[] } | { error: string }> {
  try {
    const bound = await commands.getAll();
    return {
      shortcuts: bound.map((command) => ({
        name: command.name ?? '',
        description:
          command.name === '_execute_action' ? i18n.t('commands.openPopup') : (command.description ?? ''),
        shortcut: command.shortcut ?? '',
      })),
    };
  } catch (caught) {
    const reason = caught instanceof Error ? caught.message || caught.name : String(caught);
    return { error: i18n.t('shortcuts.loadFailed', { reason: reason.replace(/\.$/, '') }) };
  }
}

/** The keyboard shortcuts as the browser has them bound now, and where to change them. */
export function ShortcutList(): JSX.Element {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    void readShortcuts().then((read) =>
      'error' in read ? setError(read.error) : setShortcuts(read.shortcuts),
    );
  }, []);

  const change = (): void => {
    // Chrome lets an extension open its own shortcuts page. Firefox refuses about: URLs in tabs.create, but
    // (from Firefox 137; the manifest asks for 142) opens its Manage Extension Shortcuts page itself.
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (isFirefox() && commands.openShortcutSettings) void commands.openShortcutSettings();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };

  return (
    <section class="stack" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{i18n.t('shortcuts.title')}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <table class="shortcuts">
        <tbody>
          {(shortcuts ?? []).map((shortcut) => (
            <tr key={shortcut.name}>
              <td>{shortcut.description}</td>
              <td>
                {shortcut.shortcut ? <kbd>{shortcut.shortcut}</kbd> : <em>{i18n.t('shortcuts.notSet')}</em>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{isFirefox() ? i18n.t('shortcuts.changeFirefox') : i18n.t('shortcuts.changeChrome')}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={change}>
          {i18n.t('shortcuts.change')}
        </button>
      </div>
    </section>
  );
}
