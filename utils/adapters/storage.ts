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
