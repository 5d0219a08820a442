import { browser } from 'wxt/browser';
import type { Notice } from '../notice';
import { noticeActionItem } from './storage';

// One id for every notice: a new gesture replaces the last notice rather than stacking them up.
const NOTICE_ID = 's3-presign';

/** Shows a notice as a system notification; its action (if any) runs when it is clicked. */
export async function notify(notice: Notice): Promise<void> {
  // Best effort: without it, a click on the notice does nothing (the toolbar button still opens the popup).
  await noticeActionItem.setValue(notice.action ?? null).catch(() => undefined);
  await browser.notifications.create(NOTICE_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notice.title,
    message: notice.message,
  });
}

/** Opens the popup (to unlock); where the browser refuses (no user gesture, Firefox), the popup page in a tab. */
export async function openPopup(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  }
}

/** Clicking "Unlock S3 Presign to copy links" opens the popup on its passphrase screen. */
export function addNoticeClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTICE_ID) return;
    void (async () => {
      const action = await noticeActionItem.getValue();
      await browser.notifications.clear(NOTICE_ID);
      if (action === 'unlock') await openPopup();
    })();
  });
}
