import { browser } from 'wxt/browser';
import { shortcutGesture } from '../menu-gestures';
import { copySignedLink } from './copy-signed-link';

/** Alt+Shift+L by default (wxt.config.ts); the other command, _execute_action, is the browser's own. */
export const COPY_LINK_COMMAND = 'copy-presigned-link';

/** The current tab's address: the one the command came from, else the focused window's active tab. */
async function currentTabUrl(tab: { url?: string | undefined } | undefined): Promise<string | undefined> {
  if (tab?.url) return tab.url;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active?.url;
}

/** The keyboard shortcut: a link for the S3 object in the current tab, else for the object last picked in the popup. */
export function addCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COPY_LINK_COMMAND) return;
    void copySignedLink(
      async ({ state, lastPicked }) => shortcutGesture(await currentTabUrl(tab), state.profiles, lastPicked),
      'shortcut',
    );
  });
}
