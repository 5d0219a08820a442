import { i18n } from '#i18n';
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
  return i18n.t('notice.expires', {
    time: expiryTime(new Date(link.expiresAt), clock),
    duration: formatDuration(link.expiresIn),
  });
}

function objectName(link: SignedLink): string {
  return link.key.split('/').pop() || link.key;
}

function signedBy(link: SignedLink): string {
  return link.profileNote
    ? i18n.t('notice.signedByWhy', { name: link.profileName, why: link.profileNote })
    : i18n.t('notice.signedBy', { name: link.profileName });
}

/** Where the link came from, when it is not what the user pointed at. */
export type LinkOrigin = 'pointed' | 'last-picked';

/** "Link copied — expires 14:32 (in 1 hour)", the object, the profile used (and why), and every warning. */
export function copiedNotice(link: SignedLink, clock: NoticeClock, origin: LinkOrigin = 'pointed'): Notice {
  const lines = [
    i18n.t('notice.object', { object: objectName(link), bucket: link.bucket, signed: signedBy(link) }),
    ...(origin === 'last-picked' ? [i18n.t('notice.lastPicked')] : []),
    ...link.warnings.map((warning) => warning.message),
  ];
  const expires = expiresPhrase(link, clock);
  const title =
    link.method === 'PUT' ? i18n.t('notice.uploadCopied', { expires }) : i18n.t('notice.copied', { expires });
  return { title, message: lines.join('\n') };
}

/** The clipboard refused: the link was opened in a tab to copy by hand. */
export function shownInTabNotice(link: SignedLink, clock: NoticeClock): Notice {
  return {
    title: i18n.t('notice.inTabTitle'),
    message: [
      i18n.t('notice.inTab', { object: objectName(link) }),
      i18n.t('notice.inTabExpires', { expires: expiresPhrase(link, clock), signed: signedBy(link) }),
      ...link.warnings.map((warning) => warning.message),
    ].join('\n'),
  };
}

// Read when a notice is written (locales/en.yml), not at import.
const notS3 = (): string => i18n.t('notice.notS3');
const cannotSign = (): string => i18n.t('notice.cannotSign');
const profileFix = (): string => i18n.t('notice.profileFix');
const keysAttention = (): string => i18n.t('notice.keysAttention');
const FAILURE_TITLES: Partial<Record<PresignErrorCode, () => string>> = {
  'not-a-url': notS3,
  'not-s3': notS3,
  'no-key': () => i18n.t('notice.noKey'),
  'website-endpoint': cannotSign,
  'access-point': cannotSign,
  'invalid-bucket': cannotSign,
  'invalid-key': cannotSign,
  'bad-encoding': cannotSign,
  'no-profile': () => i18n.t('notice.noProfile'),
  'credentials-expired': () => i18n.t('notice.credentialsExpired'),
  'invalid-credentials': profileFix,
  'invalid-region': profileFix,
  'invalid-endpoint': profileFix,
  'invalid-expiry': () => i18n.t('notice.expiry'),
  'clipboard-failed': () => i18n.t('notice.clipboard'),
  'host-permission': () => i18n.t('notice.hostPermission'),
  'vault-locked': () => i18n.t('notice.locked'),
  'vault-damaged': keysAttention,
  'vault-downgrade': keysAttention,
  'storage-damaged': () => i18n.t('notice.storageAttention'),
};

/** The message for a failed gesture: a PresignError's own words under a title naming the problem. */
export function failureNotice(error: unknown): Notice {
  if (!isPresignError(error)) {
    // Anything else could carry anything, keys included: none of its text is shown.
    return { title: i18n.t('notice.couldNotCopy'), message: i18n.t('notice.unexpected') };
  }
  return {
    title: FAILURE_TITLES[error.code]?.() ?? i18n.t('notice.couldNotCopy'),
    message: error.message,
    ...(error.code === 'vault-locked' ? { action: 'unlock' as const } : {}),
  };
}
