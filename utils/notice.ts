import { isPresignError, type PresignErrorCode } from './errors';
import { formatDuration } from './expiry';
import type { SignedLink } from './sign-link';

export interface Notice {
  title: string;
  message: string;
  /** What clicking the notification does: 'unlock' opens the popup on its passphrase screen. */
  action?: 'unlock';
}

/** The clock and place a notice is written for; locale and time zone default to the system's. */
export interface NoticeClock {
  now: Date;
  locale?: string;
  timeZone?: string;
}

/** "14:32" when the link ends today, "Sat 28 Nov 14:32" otherwise (a 7-day link needs its day). */
export function expiryTime(at: Date, { now, locale, timeZone }: NoticeClock): string {
  const day = (date: Date): string => date.toLocaleDateString('en-CA', { timeZone });
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  if (day(at) === day(now)) return time;
  return `${at.toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone })} ${time}`;
}

function expiresPhrase(link: SignedLink, clock: NoticeClock): string {
  return `expires ${expiryTime(new Date(link.expiresAt), clock)} (in ${formatDuration(link.expiresIn)})`;
}

function objectName(link: SignedLink): string {
  return link.key.split('/').pop() || link.key;
}

function signedBy(link: SignedLink): string {
  return `signed with profile “${link.profileName}”${link.profileNote ? `, ${link.profileNote}` : ''}.`;
}

/** Where the link came from, when it is not what the user pointed at. */
export type LinkOrigin = 'pointed' | 'last-picked';

/** "Link copied — expires 14:32 (in 1 hour)", the object, the profile used (and why), and every warning. */
export function copiedNotice(link: SignedLink, clock: NoticeClock, origin: LinkOrigin = 'pointed'): Notice {
  const kind = link.method === 'PUT' ? 'Upload link' : 'Link';
  const lines = [
    `“${objectName(link)}” in bucket “${link.bucket}”, ${signedBy(link)}`,
    ...(origin === 'last-picked'
      ? ['The current tab shows no S3 object, so this is the object you last picked in the popup.']
      : []),
    ...link.warnings.map((warning) => warning.message),
  ];
  return { title: `${kind} copied — ${expiresPhrase(link, clock)}`, message: lines.join('\n') };
}

/** The clipboard refused: the link was opened in a tab to copy by hand. */
export function shownInTabNotice(link: SignedLink, clock: NoticeClock): Notice {
  return {
    title: 'Copy the link from the new tab',
    message: [
      `The browser would not let S3 Presign write to the clipboard, so the link for “${objectName(link)}” opened in a new tab: select it there and copy it.`,
      `It ${expiresPhrase(link, clock)}, ${signedBy(link)}`,
      ...link.warnings.map((warning) => warning.message),
    ].join('\n'),
  };
}

const FAILURE_TITLES: Partial<Record<PresignErrorCode, string>> = {
  'not-a-url': 'Not a link to an S3 object',
  'not-s3': 'Not a link to an S3 object',
  'no-key': 'No S3 object here',
  'website-endpoint': 'This S3 link cannot be signed',
  'access-point': 'This S3 link cannot be signed',
  'invalid-bucket': 'This S3 link cannot be signed',
  'invalid-key': 'This S3 link cannot be signed',
  'bad-encoding': 'This S3 link cannot be signed',
  'no-profile': 'No profile for this bucket',
  'credentials-expired': 'Credentials expired',
  'invalid-credentials': 'A profile needs fixing',
  'invalid-region': 'A profile needs fixing',
  'invalid-endpoint': 'A profile needs fixing',
  'invalid-expiry': 'Expiry not allowed',
  'clipboard-failed': 'The link could not be copied',
  'host-permission': 'Cannot read this tab',
  'vault-locked': 'Unlock S3 Presign to copy links',
  'vault-damaged': 'S3 Presign’s stored keys need attention',
  'vault-downgrade': 'S3 Presign’s stored keys need attention',
  'storage-damaged': 'S3 Presign’s stored settings need attention',
};

/** The message for a failed gesture: a PresignError's own words under a title naming the problem. */
export function failureNotice(error: unknown): Notice {
  if (!isPresignError(error)) {
    // Anything else could carry anything, keys included: none of its text is shown.
    return {
      title: 'S3 Presign could not copy a link',
      message: 'Something unexpected went wrong. Try again; if it persists, reload the extension.',
    };
  }
  return {
    title: FAILURE_TITLES[error.code] ?? 'S3 Presign could not copy a link',
    message: error.message,
    ...(error.code === 'vault-locked' ? { action: 'unlock' as const } : {}),
  };
}
