import { storage } from 'wxt/utils/storage';
import { DEFAULT_EXPIRES_IN } from '../expiry';
import type { Profile } from '../profile';

// Every stored item, in one place. Secrets are in `local:` (this device only), never `sync:`.
// Each item carries a version; a schema change bumps it and adds a migration here.

/** Credentials and where they sign for. */
export const profilesItem = storage.defineItem<Profile[]>('local:profiles', {
  fallback: [],
  version: 1,
});

export interface Preferences {
  /** Seconds a link lasts when the user does not choose. */
  defaultExpiresIn: number;
  /** The profile the popup opens with. */
  lastProfileId?: string;
}

/** Non-secret choices the user made. */
export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: { defaultExpiresIn: DEFAULT_EXPIRES_IN },
  version: 1,
});

/** Where a bucket lives: the custom endpoint (normalized) or "aws", then the bucket name. */
export type BucketAddress = `${string}|${string}`;

export function bucketAddress(endpoint: string | undefined, bucket: string): BucketAddress {
  return `${endpoint ?? 'aws'}|${bucket}`;
}

/** Per bucket, the profile the user picked or that last signed for it (menu and shortcut choose by it). */
export const bucketProfilesItem = storage.defineItem<Record<BucketAddress, string>>('local:bucketProfiles', {
  fallback: {},
  version: 1,
});

/** The object last picked in the popup: the shortcut signs it when the current tab holds no S3 object. */
export interface LastPicked {
  profileId: string;
  bucket: string;
  key: string;
  versionId?: string;
  /** ISO time it was picked. */
  pickedAt: string;
}

export const lastPickedItem = storage.defineItem<LastPicked | null>('local:lastPicked', {
  fallback: null,
  version: 1,
});
