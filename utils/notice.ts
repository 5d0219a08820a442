import { isPresignError } from './errors';
import { formatDuration } from './expiry';
import type { SignedLink } from './sign-link';

export interface Notice {
  title: string;
  message: string;
}

/** "Link copied — expires 14:32 (in 1 hour)" for a link just signed, the profile used, and any warning. */
export function copiedNotice(link: SignedLink, formatTime: (date: Date) => string): Notice {
  const kind = link.method === 'PUT' ? 'Upload link' : 'Link';
  const lines = [
    `Expires ${formatTime(new Date(link.expiresAt))} (in ${formatDuration(link.expiresIn)}). Signed with profile “${link.profileName}”.`,
    ...link.warnings.map((warning) => warning.message),
  ];
  return { title: `${kind} copied: ${link.key.split('/').pop() || link.key}`, message: lines.join('\n') };
}

/** The message for a failed gesture: a PresignError's own words, else a generic one that leaks nothing. */
export function failureNotice(error: unknown): Notice {
  return {
    title: 'S3 Presign could not copy a link',
    message: isPresignError(error)
      ? error.message
      : 'Something unexpected went wrong. Try again; if it persists, reload the extension.',
  };
}
