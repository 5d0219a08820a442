import type { HttpMethod } from '../presign';
import { type SignedLink, type SigningState, signLink } from '../sign-link';
import { rememberBucketProfile } from './bucket-profiles';
import {
  bucketProfilesItem,
  bucketRegionsItem,
  type LastPicked,
  lastPickedItem,
  preferencesItem,
} from './storage';
import { publicProfiles, requireProfiles } from './vault-store';

export interface StoredSigning {
  state: SigningState;
  defaultExpiresIn: number;
  lastPicked: LastPicked | null;
}

/** Everything signing reads, from storage only: a service worker woken by a gesture has nothing else. Throws 'vault-locked' when locked. */
export async function loadSigningState(): Promise<StoredSigning> {
  // Locked: a PresignError 'vault-locked', which the gesture turns into "Unlock S3 Presign to copy links".
  const [{ profiles }, preferences, bucketProfiles, regions, lastPicked] = await Promise.all([
    requireProfiles(),
    preferencesItem.getValue(),
    bucketProfilesItem.getValue(),
    bucketRegionsItem.getValue(),
    lastPickedItem.getValue(),
  ]);
  return {
    state: { profiles, bucketProfiles, regions, preferredId: preferences.lastProfileId },
    defaultExpiresIn: preferences.defaultExpiresIn,
    lastPicked,
  };
}

/** Signs a link for an S3 URL with the profiles in storage; the expiry defaults to the user's. */
export async function signWithStoredProfiles(request: {
  url: string;
  method: HttpMethod;
  expiresIn?: number | undefined;
  profileId?: string | undefined;
  clockOffsetMs?: number | undefined;
}): Promise<SignedLink> {
  const { state, defaultExpiresIn } = await loadSigningState();
  return signLink(
    {
      url: request.url,
      method: request.method,
      expiresIn: request.expiresIn ?? defaultExpiresIn,
      profileId: request.profileId,
    },
    state,
    new Date(Date.now() + (request.clockOffsetMs ?? 0)),
  );
}

/** Records the profile that just signed for a bucket: when several could, the next gesture picks it again. */
export async function rememberSigner(link: SignedLink): Promise<void> {
  const profile = (await publicProfiles()).find((candidate) => candidate.id === link.profileId);
  if (profile) await rememberBucketProfile(profile, link.bucket);
}
