import { normalizeEndpoint } from './endpoint';
import { PresignError } from './errors';
import type { S3ObjectRef } from './parse-s3-url';
import type { Profile } from './profile';

/** The profile's endpoint in the parser's normalized form, or undefined for AWS or an unusable endpoint. */
function profileEndpoint(profile: Profile): string | undefined {
  if (!profile.endpoint) return undefined;
  try {
    return normalizeEndpoint(profile.endpoint);
  } catch {
    return undefined;
  }
}

/** The custom endpoints the parser should recognise, from the user's profiles. */
export function knownEndpoints(profiles: readonly Profile[]): string[] {
  return [...new Set(profiles.map(profileEndpoint).filter((endpoint) => endpoint !== undefined))];
}

/**
 * Picks the profile that can sign for an object: one for the same store (the same custom endpoint, or AWS when
 * the link is an AWS one), the preferred one first when it qualifies.
 */
export function chooseProfile(ref: S3ObjectRef, profiles: readonly Profile[], preferredId?: string): Profile {
  const candidates = profiles.filter((profile) =>
    ref.endpoint === undefined ? !profile.endpoint : profileEndpoint(profile) === ref.endpoint,
  );
  const chosen = candidates.find((profile) => profile.id === preferredId) ?? candidates[0];
  if (chosen) return chosen;
  const store = ref.endpoint ?? 'AWS S3';
  throw new PresignError(
    'no-profile',
    profiles.length === 0
      ? 'No profile yet: open S3 Presign from the toolbar and add your access keys first.'
      : `No profile signs for ${store} (bucket “${ref.bucket}”). Add a profile ${ref.endpoint ? `with the endpoint ${ref.endpoint}` : 'for AWS (no custom endpoint)'} in S3 Presign.`,
  );
}
