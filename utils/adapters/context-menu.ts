import { browser } from 'wxt/browser';
import { copySignedLink } from './copy-signed-link';

export const COPY_LINK_MENU_ID = 'copy-presigned-link';

/** Registers "Copy pre-signed link" on links; the menu persists, so it is created on install and start-up. */
export function addContextMenu(): void {
  const create = async (): Promise<void> => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: COPY_LINK_MENU_ID, title: 'Copy pre-signed link', contexts: ['link'] });
  };
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === COPY_LINK_MENU_ID) void copySignedLink(info.linkUrl);
  });
}
