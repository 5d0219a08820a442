import { browser } from 'wxt/browser';
import { copySignedLink } from './copy-signed-link';

export const COPY_LINK_COMMAND = 'copy-presigned-link';

/** The keyboard shortcut: a signed link for the S3 object open in the current tab. */
export function addCommands(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== COPY_LINK_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    await copySignedLink(tab?.url);
  });
}
