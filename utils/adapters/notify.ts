import { browser } from 'wxt/browser';
import type { Notice } from '../notice';

// One id for every notice: a new gesture replaces the last notice rather than stacking them up.
const NOTICE_ID = 's3-presign';

/** Shows a notice as a system notification. */
export async function notify(notice: Notice): Promise<void> {
  await browser.notifications.create(NOTICE_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notice.title,
    message: notice.message,
  });
}
