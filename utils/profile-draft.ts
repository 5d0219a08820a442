import { bucketNameProblem } from './bucket-name';
import { normalizeEndpoint } from './endpoint';
import { isPresignError } from './errors';
import type { Profile } from './profile';
import { isSigningRegion } from './region';

/** What the profile form holds: raw text as typed or pasted. */
export interface ProfileDraft {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  sessionExpiration: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  defaultBucket: string;
}

export type DraftErrors = Partial<Record<keyof ProfileDraft, string>>;

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  accessKeyId: '',
  secretAccessKey: '',
  sessionToken: '',
  sessionExpiration: '',
  region: 'us-east-1',
  endpoint: '',
  forcePathStyle: true,
  defaultBucket: '',
};

/** Trims white space and one pair of quotes pasted around a value. */
export function cleanPasted(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(trimmed);
  return (quoted ? (quoted[2] as string) : trimmed).trim();
}

/** Checks a draft; returns the profile to store, or a message per field saying what to fix. */
export function validateDraft(
  draft: ProfileDraft,
  id: string,
  now: Date,
): { profile: Profile; errors?: undefined } | { profile?: undefined; errors: DraftErrors } {
  const value = Object.fromEntries(
    Object.entries(draft).map(([field, raw]) => [field, typeof raw === 'string' ? cleanPasted(raw) : raw]),
  ) as ProfileDraft;
  const errors: DraftErrors = {};

  if (!value.name) errors.name = 'Give the profile a name, e.g. “work” or “backups”.';
  if (!value.accessKeyId)
    errors.accessKeyId = 'Paste the access key ID (it starts with AKIA or ASIA on AWS).';
  else if (/\s/.test(value.accessKeyId)) errors.accessKeyId = 'The access key ID cannot contain spaces.';
  else if (value.accessKeyId.length >= 40 && /[/+]/.test(value.accessKeyId)) {
    errors.accessKeyId =
      'This looks like a secret access key: paste it in the secret field, and the key ID here.';
  }
  if (!value.secretAccessKey) errors.secretAccessKey = 'Paste the secret access key.';
  else if (/\s/.test(value.secretAccessKey))
    errors.secretAccessKey = 'The secret access key cannot contain spaces.';
  if (value.accessKeyId.startsWith('ASIA') && !value.sessionToken) {
    errors.sessionToken = 'Keys starting with ASIA are temporary: paste their session token too.';
  }
  if (value.sessionExpiration) {
    const end = new Date(value.sessionExpiration);
    if (Number.isNaN(end.getTime())) errors.sessionExpiration = 'Write the expiration as a date and time.';
    else if (end <= now)
      errors.sessionExpiration = 'These temporary credentials have already expired: get fresh ones.';
  }
  if (!isSigningRegion(value.region)) {
    errors.region = 'Write a region like us-east-1 (or “auto” for Cloudflare R2).';
  }
  let endpoint: string | undefined;
  // `new URL` drops tabs and line breaks inside a host name, so a broken paste would pass unseen.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*\s/i.test(value.endpoint)) {
    errors.endpoint = 'The endpoint’s host name holds a space or line break: remove it.';
  } else if (value.endpoint) {
    try {
      endpoint = normalizeEndpoint(value.endpoint);
    } catch (error) {
      errors.endpoint = isPresignError(error) ? error.message : 'This endpoint is not a valid URL.';
    }
  }
  if (value.defaultBucket) {
    const problem = bucketNameProblem(value.defaultBucket, value.endpoint ? 'legacy' : 'strict');
    if (problem) errors.defaultBucket = `“${value.defaultBucket}” is not a valid bucket name: ${problem}.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    profile: {
      id,
      name: value.name,
      accessKeyId: value.accessKeyId,
      secretAccessKey: value.secretAccessKey,
      ...(value.sessionToken ? { sessionToken: value.sessionToken } : {}),
      ...(value.sessionExpiration
        ? { sessionExpiration: new Date(value.sessionExpiration).toISOString() }
        : {}),
      region: value.region,
      ...(endpoint ? { endpoint } : {}),
      forcePathStyle: endpoint ? value.forcePathStyle : false,
      ...(value.defaultBucket ? { defaultBucket: value.defaultBucket } : {}),
    },
  };
}
