import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { bucketKey } from '../choose-profile';
import { DEFAULT_EXPIRES_IN } from '../expiry';
import type { Profile } from '../profile';
import { withSecretsLock } from './secrets-lock';

// Every stored item, in one place. Secrets are in `local:` (this device only), never `sync:`.
// Each item carries a version; a schema change bumps it and adds a migration here.

/** The secret parts of a profile: stored apart from the rest (plain in `local:secrets`, or sealed in the vault). */
export interface ProfileSecrets {
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * A profile as `local:profiles` holds it since v2: no secret. A value written the v1 way (secrets inline, by an
 * older version or by hand) is still read, and its secrets move out at the next save.
 */
export type StoredProfile = Omit<Profile, 'secretAccessKey' | 'sessionToken'> & Partial<ProfileSecrets>;

/** Splits profiles into what `local:profiles` keeps and their secrets, by profile id. */
export function splitSecrets(profiles: readonly StoredProfile[]): {
  profiles: StoredProfile[];
  secrets: Record<string, ProfileSecrets>;
} {
  const secrets: Record<string, ProfileSecrets> = {};
  const kept = profiles.map(({ secretAccessKey, sessionToken, ...rest }) => {
    if (secretAccessKey !== undefined)
      secrets[rest.id] = { secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
    return rest;
  });
  return { profiles: kept, secrets };
}

/**
 * Where each profile signs for, without its keys (utils/adapters/vault-store.ts joins them). v2 moved the secrets
 * to `local:secrets`, in the same write as the stripped profiles: never half-moved. Read through vault-store,
 * which checks the shape (a hand-edited value is reported, not trusted).
 */
export const profilesItem = storage.defineItem<StoredProfile[]>('local:profiles', {
  fallback: [],
  version: 2,
  migrations: {
    // Under the secrets lock and on a fresh read: a save from another page may have landed since WXT read `old`
    // (WXT writes back what this returns, so it must be the current value). Storage is read directly (not
    // through an item): code under the lock never waits for a migration.
    2: (old: unknown): Promise<unknown> =>
      withSecretsLock(async () => {
        const got = await browser.storage.local.get(['profiles', 'profiles$', 'secrets', 'vault']);
        const current: unknown = got.profiles ?? old;
        const version = (got.profiles$ as { v?: unknown } | undefined)?.v;
        // Already moved (by another page), or damaged: left as it is (a damaged value is reported by vault-store).
        if (version === 2 || !Array.isArray(current)) return current;
        const { profiles, secrets } = splitSecrets(
          current.filter((p) => typeof p === 'object' && p !== null),
        );
        if (Object.keys(secrets).length === 0) return current;
        // A passphrase is set: no plain copy is written. The keys stay inline (reported in Settings → Security)
        // until the next unlock seals them into the vault.
        if (got.vault !== null && got.vault !== undefined) return current;
        const existing = got.secrets;
        const merged = { ...(typeof existing === 'object' && existing ? existing : {}), ...secrets };
        // One write for both keys and the new version: a failure leaves v1 as it was (the migration runs again).
        await browser.storage.local.set({ secrets: merged, profiles, profiles$: { v: 2 } });
        return profiles;
      }),
  },
});

/** The secrets of each profile, by id, when no passphrase is set (unencrypted, this device only, never synced). */
export const secretsItem = storage.defineItem<Record<string, ProfileSecrets>>('local:secrets', {
  fallback: {},
  version: 1,
});

/** The secrets sealed under the passphrase (utils/vault.ts SealedVault), or null without a passphrase. */
export const vaultItem = storage.defineItem<unknown>('local:vault', {
  fallback: null,
  version: 1,
});

export interface SecuritySettings {
  /** Minutes without use after which the vault locks (the key is dropped from session storage). */
  autoLockMinutes: number;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 15;

export const securitySettingsItem = storage.defineItem<SecuritySettings>('local:security', {
  fallback: { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES },
  version: 1,
});

/** The unlocked vault's key (raw, base64) and which vault it opens (salt). */
export interface UnlockedKey {
  key: string;
  salt: string;
}

/** session: only (memory, trusted extension contexts, cleared when the browser closes): never on disk, never synced. */
export const vaultKeyItem = storage.defineItem<UnlockedKey | null>('session:vaultKey', {
  fallback: null,
  version: 1,
});

/**
 * When the unlocked key was last used (ms): its own item, so recording a use never writes the key (a use racing
 * Lock could otherwise bring the key back).
 */
export const vaultLastUsedItem = storage.defineItem<number | null>('session:vaultLastUsed', {
  fallback: null,
  version: 1,
});

export interface Preferences {
  /** Seconds a link lasts when the user does not choose. */
  defaultExpiresIn: number;
  /** The method the popup's link panel starts with (absent: GET). The menu and shortcut copy GET links. */
  defaultMethod?: 'GET' | 'PUT';
  /** The profile the popup opens with. */
  lastProfileId?: string;
  /** Per profile, the bucket and folder the popup was last showing (it reopens there). */
  lastLocation?: Record<string, { bucket: string; prefix: string }>;
}

/** Non-secret choices the user made. */
export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: { defaultExpiresIn: DEFAULT_EXPIRES_IN },
  version: 1,
});

/** Where a bucket lives: the custom endpoint (normalized) or "aws", then the bucket name (utils/choose-profile's bucketKey). */
export type BucketAddress = ReturnType<typeof bucketKey>;

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

/** The region S3 named for a bucket outside its profile's region (learnt from a 301); signing and listing use it. */
export const bucketRegionsItem = storage.defineItem<Record<BucketAddress, string>>('local:bucketRegions', {
  fallback: {},
  version: 1,
});

/** One folder's listing as last seen, so the popup paints at once on reopen (then refreshes). */
export interface CachedListing {
  prefixes: string[];
  objects: { key: string; size: number; lastModified: string }[];
  /** More keys exist beyond the cached ones. */
  truncated: boolean;
  /** ISO time it was fetched. */
  fetchedAt: string;
}

/**
 * Which folders' listings are cached, by `profileId|bucket|prefix` ("" bucket = the bucket list), with when each
 * was fetched. Each listing is its own `local:listing:KEY` entry (utils/adapters/listing-store.ts), so opening the
 * popup reads one folder, not every folder ever visited.
 */
export const listingIndexItem = storage.defineItem<Record<string, string>>('local:listingIndex', {
  fallback: {},
  version: 1,
});

/** The listing saved last, whole: nearly always the folder the popup reopens at, so it is read with no lookup first. */
export const lastListingItem = storage.defineItem<{ key: string; listing: CachedListing } | null>(
  'local:listingLast',
  { fallback: null, version: 1 },
);

/** The storage key of one cached listing (not a defined item: there is one per folder). */
export function listingStorageKey(key: string): `local:${string}` {
  return `local:listing:${key}`;
}

/** A link the clipboard refused, shown once by the fallback tab (entrypoints/link) whose URL hash is its id. */
export interface PendingLink {
  url: string;
  title: string;
  message: string;
}

/** The storage key of one tab's pending link: session (gone when the browser closes, never synced), one per tab. */
export function pendingLinkStorageKey(id: string): `session:${string}` {
  return `session:pendingLink:${id}`;
}

/** The profile form as typed but not saved yet, so closing the popup (to copy a key elsewhere) loses nothing. */
export interface ProfileFormDraft {
  /** Which form: "new", or the id of the profile being edited. */
  form: string;
  /** The id the profile gets when saved (saving it again replaces it). */
  id: string;
  provider: import('../providers').ProviderId;
  inputs: import('../providers').ProviderInputs;
  draft: import('../profile-draft').ProfileDraft;
}

/** It holds the secret as typed: session: only (kept in memory, never on disk, never synced), cleared on save. */
export const profileFormDraftItem = storage.defineItem<ProfileFormDraft | null>('session:profileFormDraft', {
  fallback: null,
  version: 1,
});

/** One generated link, as the history keeps it (utils/history.ts; the popup's History view). */
export interface HistoryEntry {
  id: string;
  /** Where it came from: the popup, the right-click menu, the shortcut, a bulk copy, an upload. */
  source: 'popup' | 'menu' | 'shortcut' | 'bulk' | 'upload';
  method: 'GET' | 'PUT';
  bucket: string;
  key: string;
  versionId?: string;
  profileId: string;
  /** The profile's name when signed (it may be renamed or removed later). */
  profileName: string;
  /** ISO times. */
  createdAt: string;
  expiresAt: string;
  /**
   * The link, to copy again, WITHOUT its X-Amz-Security-Token (a session token is a secret: it never goes into
   * the history). Temporary-credential links record `tokenDigest`, and re-copying puts the profile's current
   * token back only when its digest still matches (else the history says the link cannot be re-copied).
   */
  url: string;
  /** First 16 hex digits of SHA-256 of the session token the link was signed with, for temporary credentials. */
  tokenDigest?: string;
}

/** Links generated on this device, newest first (local only; never synced). */
export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 1,
});

export interface HistorySettings {
  /** Record generated links. */
  enabled: boolean;
  /** Days an expired entry stays before it is pruned (0: pruned as soon as it expires). */
  keepExpiredDays: number;
}

export const historySettingsItem = storage.defineItem<HistorySettings>('local:historySettings', {
  fallback: { enabled: true, keepExpiredDays: 7 },
  version: 1,
});

/** What clicking the last notification does (utils/adapters/notify.ts): kept across service-worker restarts. */
export const noticeActionItem = storage.defineItem<'unlock' | null>('session:noticeAction', {
  fallback: null,
  version: 1,
});
