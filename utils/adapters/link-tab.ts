import { browser } from 'wxt/browser';
import type { Notice } from '../notice';
import { pendingLinkItem } from './storage';

/** The hash that makes the offscreen document's page show a link the clipboard refused, opened as a tab. */
export const SHOW_LINK_HASH = '#show';

/**
 * The fallback when the clipboard refuses: the link (in session storage, never in the page's URL or history)
 * shown in a new tab, selected, with a Copy button the user's own click can use.
 */
export async function showLinkInTab(url: string, notice: Notice): Promise<void> {
  await pendingLinkItem.setValue({ url, title: notice.title, message: notice.message });
  await browser.tabs.create({
    url: browser.runtime.getURL('/offscreen.html') + SHOW_LINK_HASH,
    active: true,
  });
}
