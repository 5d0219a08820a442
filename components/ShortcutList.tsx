import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';

interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

const IS_FIREFOX = navigator.userAgent.includes('Firefox/');

/** The keyboard shortcuts as the browser has them bound now, and where to change them. */
export function ShortcutList(): JSX.Element {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | undefined>(undefined);
  useEffect(() => {
    void browser.commands.getAll().then((commands) =>
      setShortcuts(
        commands.map((command) => ({
          name: command.name ?? '',
          description:
            command.name === '_execute_action' ? i18n.t('commands.openPopup') : (command.description ?? ''),
          shortcut: command.shortcut ?? '',
        })),
      ),
    );
  }, []);

  const change = (): void => {
    // Chrome lets an extension open its own shortcuts page. Firefox refuses about: URLs in tabs.create, but
    // (from Firefox 137; the manifest asks for 142) opens its Manage Extension Shortcuts page itself.
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (IS_FIREFOX && commands.openShortcutSettings) void commands.openShortcutSettings();
    else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  };

  return (
    <section class="stack" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{i18n.t('shortcuts.title')}</h2>
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
      <p class="hint">{IS_FIREFOX ? i18n.t('shortcuts.changeFirefox') : i18n.t('shortcuts.changeChrome')}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={change}>
          {i18n.t('shortcuts.change')}
        </button>
      </div>
    </section>
  );
}
