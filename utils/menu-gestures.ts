import { i18n } from '#i18n';
import { knownEndpoints } from './choose-profile';
import { isPresignError, PresignError, type PresignErrorCode } from './errors';
import type { MenuAction } from './menu';
import { parseS3Url } from './parse-s3-url';
import type { HttpMethod } from './presign';
import { type ObjectPick, type SignedLink, type SigningState, signLink, signPick } from './sign-link';

// What each gesture (a menu click, the shortcut) asks to sign, decided from the event and stored state alone.

/** A URL to parse, or an object picked in the popup. */
export type SignTarget = { url: string } | { pick: ObjectPick };

export interface Gesture {
  target: SignTarget;
  method: HttpMethod;
  /** Seconds; the user's default when absent. */
  expiresIn?: number;
}

/** The parts of contextMenus.onClicked's info that say what was clicked. */
export interface ClickInfo {
  linkUrl?: string | undefined;
  pageUrl?: string | undefined;
  /** Set when the click was inside a frame: that frame's document. */
  frameUrl?: string | undefined;
}

// A tab that holds no S3 object at all: the shortcut falls back to the last picked object. An S3 URL that
// cannot be signed (website endpoint, damaged escape…) is reported instead: it is what the user pointed at.
const NOTHING_HERE: ReadonlySet<PresignErrorCode> = new Set(['not-a-url', 'not-s3', 'no-key']);

/** Whether a URL names an S3 object the profiles' parser reads (signable or not: its own error is the answer). */
function namesS3Object(url: string, profiles: SigningState['profiles']): boolean {
  try {
    parseS3Url(url, knownEndpoints(profiles));
    return true;
  } catch (error) {
    return !isPresignError(error) || !NOTHING_HERE.has(error.code);
  }
}

/**
 * A menu click: the link's target for link items. Page items show on S3 pages, also when the click lands on
 * the image, video or audio a tab shows (an S3 object opened in a tab) or inside a frame, whose document is
 * the one the browser matched: the frame's URL when it names an S3 object, else the page's, else the tab's.
 * `profiles` make their endpoints count as S3.
 */
export function menuGesture(
  action: MenuAction,
  info: ClickInfo,
  tabUrl?: string,
  profiles: SigningState['profiles'] = [],
): Gesture {
  const pages = [info.frameUrl, info.pageUrl, tabUrl].filter((url): url is string => !!url);
  // When none does, the error names the page the user sees rather than a frame in it.
  const url =
    action.source === 'link'
      ? info.linkUrl
      : (pages.find((page) => namesS3Object(page, profiles)) ?? info.pageUrl ?? tabUrl ?? info.frameUrl);
  if (!url) {
    throw new PresignError(
      'not-a-url',
      action.source === 'link' ? i18n.t('menuGestures.noLink') : i18n.t('menuGestures.noPage'),
    );
  }
  return {
    target: { url },
    method: action.method,
    ...(action.expiresIn !== undefined ? { expiresIn: action.expiresIn } : {}),
  };
}

/**
 * The shortcut: the S3 object in the current tab (object URL or console object page), else the object last
 * picked in the popup, at the default expiry.
 */
export function shortcutGesture(
  tabUrl: string | undefined,
  profiles: SigningState['profiles'],
  lastPicked: ObjectPick | null,
): Gesture {
  let reason: PresignError | undefined;
  if (tabUrl) {
    try {
      parseS3Url(tabUrl, knownEndpoints(profiles));
      return { target: { url: tabUrl }, method: 'GET' };
    } catch (error) {
      if (!isPresignError(error) || !NOTHING_HERE.has(error.code)) throw error;
      reason = error;
    }
  }
  if (lastPicked) return { target: { pick: lastPicked }, method: 'GET' };
  if (!tabUrl) {
    throw new PresignError(
      'host-permission',
      i18n.t('menuGestures.noTabUrl', { item: i18n.t('menu.copyPageLink') }),
    );
  }
  throw new PresignError(
    reason?.code === 'no-key' ? 'no-key' : 'not-s3',
    reason?.code === 'no-key'
      ? i18n.t('menuGestures.orPick', { reason: reason.message })
      : i18n.t('menuGestures.noObject'),
  );
}

/** Signs what a gesture asked for; `defaultExpiresIn` fills in when it named no expiry. */
export function signGesture(
  gesture: Gesture,
  state: SigningState,
  defaultExpiresIn: number,
  now: Date,
): Promise<SignedLink> {
  const request = { method: gesture.method, expiresIn: gesture.expiresIn ?? defaultExpiresIn };
  return 'pick' in gesture.target
    ? signPick(gesture.target.pick, request, state, now)
    : signLink({ url: gesture.target.url, ...request }, state, now);
}
