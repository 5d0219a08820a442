import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Notice } from '../notice';
import { type PendingLink, pendingLinkStorageKey } from './storage';

/** The page that shows a link the clipboard refused (entrypoints/link): never the offscreen document. */
export const LINK_PAGE_PATH = '/link.html';

// One entry per tab, named by an id in the tab's URL hash: two refusals at once each show their own link. The
// page removes its entry once it has read it, so a live link (maybe with a session token) does not stay in
// storage nor come back on reload. The id is random and says nothing about the link.
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The fallback when the clipboard refuses: the link (in session storage, never in the page's URL or history)
 * shown in a new tab, selected, with a Copy button the user's own click can use.
 */
export async function showLinkInTab(url: string, notice: Notice): Promise<void> {
  const id = crypto.randomUUID();
  const pending: PendingLink = { url, title: notice.title, message: notice.message };
  await storage.setItem(pendingLinkStorageKey(id), pending);
  try {
    await browser.tabs.create({ url: `${browser.runtime.getURL(LINK_PAGE_PATH)}#${id}`, active: true });
  } catch (error) {
    await storage.removeItem(pendingLinkStorageKey(id)).catch(() => undefined);
    throw error;
  }
}

/**
 * The link waiting for the tab whose URL hash is `hash`, removed from storage as it is read: shown once. Null
 * when there is none (already shown, or not an id of ours).
 */
export async function takePendingLink(hash: string): Promise<PendingLink | null> {
  const id = hash.replace(/^#/, '');
  if (!ID.test(id)) return null;
  const pending = await storage.getItem<PendingLink>(pendingLinkStorageKey(id));
  await storage.removeItem(pendingLinkStorageKey(id));
  return pending;
}
