import { browser } from 'wxt/browser';
import { PresignError } from '../errors';
import { copiedNotice, failureNotice, type Notice } from '../notice';
import type { HttpMethod } from '../presign';
import type { SignedLink } from '../sign-link';
import { writeClipboard } from './clipboard';
import { signWithStoredProfiles } from './stored-signer';

export interface CopyOptions {
  method?: HttpMethod;
  /** Seconds; the user's default when absent. */
  expiresIn?: number;
}

async function notify(notice: Notice): Promise<void> {
  await browser.notifications.create({
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notice.title,
    message: notice.message,
  });
}

function localTime(date: Date): string {
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The one-gesture path (menu and shortcut): sign a link for the S3 object `url` names with the stored
 * profiles, put it on the clipboard, and tell the user either way. Everything it needs comes from storage,
 * so a service worker woken by the gesture completes it.
 */
export async function copySignedLink(
  url: string | undefined,
  options: CopyOptions = {},
): Promise<SignedLink | undefined> {
  try {
    if (!url)
      throw new PresignError(
        'not-a-url',
        'There is no link here to sign: right-click a link to an S3 object, or open the object in a tab.',
      );
    const link = await signWithStoredProfiles({
      url,
      method: options.method ?? 'GET',
      expiresIn: options.expiresIn,
    });
    await writeClipboard(link.url);
    await notify(copiedNotice(link, localTime));
    return link;
  } catch (error) {
    await notify(failureNotice(error)).catch(() => undefined);
    return undefined;
  }
}
