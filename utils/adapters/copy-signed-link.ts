import { isPresignError } from '../errors';
import { type Gesture, signGesture } from '../menu-gestures';
import { copiedNotice, failureNotice, type NoticeClock, shownInTabNotice } from '../notice';
import type { SignedLink } from '../sign-link';
import { writeClipboard } from './clipboard';
import { recordLink } from './history-store';
import { showLinkInTab } from './link-tab';
import { notify } from './notify';
import { loadSigningState, rememberSigner, type StoredSigning } from './stored-signer';

/** Decides what a gesture signs once storage is read; may throw a PresignError saying why nothing can be. */
export type GestureResolver = (stored: StoredSigning) => Gesture | Promise<Gesture>;

/** Clipboard first; when it refuses, a tab showing the link. Returns where the link went. */
async function deliver(link: SignedLink, clock: NoticeClock): Promise<'clipboard' | 'tab'> {
  try {
    await writeClipboard(link.url);
    return 'clipboard';
  } catch (error) {
    if (!isPresignError(error, 'clipboard-failed')) throw error;
    await showLinkInTab(link.url, shownInTabNotice(link, clock)).catch(() => {
      throw error;
    });
    return 'tab';
  }
}

/**
 * The one-gesture path (menu and shortcut): sign what the gesture points at with the stored profiles, put it
 * on the clipboard, remember the profile for the bucket, and tell the user either way. Everything comes from
 * storage, so a service worker woken by the gesture completes it. The delivered link goes into the history.
 */
export async function copySignedLink(
  resolve: GestureResolver,
  source: 'menu' | 'shortcut' = 'menu',
): Promise<SignedLink | undefined> {
  try {
    const stored = await loadSigningState();
    const gesture = await resolve(stored);
    const clock = { now: new Date() };
    const link = await signGesture(gesture, stored.state, stored.defaultExpiresIn, clock.now);
    const where = await deliver(link, clock);
    // Best effort: the link is already delivered; a failed write only loses the memory of the choice.
    await rememberSigner(link).catch(() => undefined);
    const versionId = 'pick' in gesture.target ? gesture.target.pick.versionId : undefined;
    await recordLink(link, { source, versionId }).catch(() => undefined);
    const origin = 'pick' in gesture.target ? 'last-picked' : 'pointed';
    const notice = where === 'tab' ? shownInTabNotice(link, clock) : copiedNotice(link, clock, origin);
    await notify(notice).catch(() => undefined);
    return link;
  } catch (error) {
    if (!isPresignError(error))
      console.error('S3 Presign: copy failed', error instanceof Error ? error.name : '');
    await notify(failureNotice(error)).catch(() => undefined);
    return undefined;
  }
}
