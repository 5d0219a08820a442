import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { isPresignError } from '../errors';
import { parseVault } from '../vault';
import { withSecretsLock } from './secrets-lock';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  type ProfileSecrets,
  type SecuritySettings,
  type StoredProfile,
} from './storage';

// Stored values are checked when read: a value edited by hand (or by another program) that has the wrong
// shape is not trusted. Its readers fall back to what is still usable, the raw value stays as it is (it may be
// the user's only copy of something), and Settings → Security lists it with a button to clear it.

/** A read value: what is usable, and what was wrong (for the settings page), if anything. */
export interface Checked<T> {
  value: T;
  problem?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

function isStoredProfile(value: unknown): value is StoredProfile {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.name === 'string' &&
    typeof value.accessKeyId === 'string' &&
    typeof value.region === 'string' &&
    typeof value.forcePathStyle === 'boolean' &&
    ['endpoint', 'defaultBucket', 'sessionExpiration', 'secretAccessKey', 'sessionToken'].every((field) =>
      optionalString(value[field]),
    )
  );
}

/** The profiles list; entries of the wrong shape are left out (and reported). */
export function checkProfiles(value: unknown): Checked<StoredProfile[]> {
  if (value === null || value === undefined) return { value: [] };
  if (!Array.isArray(value)) return { value: [], problem: i18n.t('storedChecks.profilesNotList') };
  const good = value.filter(isStoredProfile);
  if (good.length === value.length) return { value: good };
  return {
    value: good,
    problem: i18n.t('storedChecks.profilesWrong', { bad: value.length - good.length, total: value.length }),
  };
}

function isSecrets(value: unknown): value is ProfileSecrets {
  return isObject(value) && typeof value.secretAccessKey === 'string' && optionalString(value.sessionToken);
}

/** The unencrypted secrets by profile id; wrong entries are left out (and reported). Never says what they hold. */
export function checkSecrets(value: unknown): Checked<Record<string, ProfileSecrets>> {
  if (value === null || value === undefined) return { value: {} };
  if (!isObject(value)) return { value: {}, problem: i18n.t('storedChecks.keysUnreadable') };
  const entries = Object.entries(value);
  const good = entries.filter((entry): entry is [string, ProfileSecrets] => isSecrets(entry[1]));
  return good.length === entries.length
    ? { value: Object.fromEntries(good) }
    : {
        value: Object.fromEntries(good),
        problem: i18n.t('storedChecks.keysWrong', { n: entries.length - good.length }),
      };
}

export function checkSecuritySettings(value: unknown): Checked<SecuritySettings> {
  const fallback = { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
  if (value === null || value === undefined) return { value: fallback };
  const minutes = isObject(value) ? value.autoLockMinutes : undefined;
  if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 1440)
    return { value: { autoLockMinutes: minutes } };
  return {
    value: fallback,
    problem: i18n.t('storedChecks.autoLock', { n: DEFAULT_AUTO_LOCK_MINUTES }),
  };
}

/** Secrets written inline in `local:profiles` (a v1 value, a hand edit), by id, from every entry that has one. */
export function inlineSecrets(profiles: unknown): Record<string, ProfileSecrets> {
  if (!Array.isArray(profiles)) return {};
  const found: Record<string, ProfileSecrets> = {};
  for (const entry of profiles) {
    if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.secretAccessKey !== 'string')
      continue;
    if (entry.secretAccessKey === '') continue;
    const token =
      typeof entry.sessionToken === 'string' && entry.sessionToken ? entry.sessionToken : undefined;
    found[entry.id] = { secretAccessKey: entry.secretAccessKey, ...(token ? { sessionToken: token } : {}) };
  }
  return found;
}

/** The profiles value with every inline secret taken out, each entry otherwise as it was (damaged ones too). */
export function withoutInlineSecrets(profiles: unknown[]): unknown[] {
  return profiles.map((entry) => {
    if (!isObject(entry)) return entry;
    const { secretAccessKey: _s, sessionToken: _t, ...rest } = entry;
    return rest;
  });
}

type Shape = (value: unknown) => string | undefined;

const recordOfStrings: Shape = (value) =>
  isObject(value) && Object.values(value).every((entry) => typeof entry === 'string')
    ? undefined
    : i18n.t('storedChecks.notTable');

/**
 * Every stored item that is checked, with a name the user knows it by. `keep` gives what clearing keeps of a
 * list or table where only some entries are wrong (the readable ones); without it, clearing removes the value.
 */
// Labels are read when the problems are listed (locales/en.yml), not at import.
const SHAPES: { key: string; label: () => string; check: Shape; keep?: (value: unknown) => unknown }[] = [
  {
    key: 'profiles',
    label: () => i18n.t('storedChecks.profiles'),
    check: (value) => checkProfiles(value).problem,
    keep: (value) => (Array.isArray(value) ? checkProfiles(value).value : undefined),
  },
  {
    key: 'secrets',
    label: () => i18n.t('storedChecks.secrets'),
    check: (value) => checkSecrets(value).problem,
    keep: (value) => (isObject(value) ? checkSecrets(value).value : undefined),
  },
  {
    key: 'vault',
    label: () => i18n.t('storedChecks.vault'),
    check: (value) => {
      if (value === null) return undefined;
      try {
        parseVault(value);
        return undefined;
      } catch (error) {
        return isPresignError(error) ? error.message : i18n.t('storedChecks.vaultUnreadable');
      }
    },
  },
  {
    key: 'security',
    label: () => i18n.t('storedChecks.security'),
    check: (value) => checkSecuritySettings(value).problem,
  },
  {
    key: 'preferences',
    label: () => i18n.t('storedChecks.preferences'),
    check: (value) =>
      isObject(value) && typeof value.defaultExpiresIn === 'number'
        ? undefined
        : i18n.t('storedChecks.notPreferences'),
  },
  { key: 'bucketProfiles', label: () => i18n.t('storedChecks.bucketProfiles'), check: recordOfStrings },
  { key: 'bucketRegions', label: () => i18n.t('storedChecks.bucketRegions'), check: recordOfStrings },
  {
    key: 'history',
    label: () => i18n.t('storedChecks.history'),
    check: (value) =>
      Array.isArray(value) && value.every((entry) => isObject(entry) && typeof entry.url === 'string')
        ? undefined
        : i18n.t('storedChecks.notHistory'),
  },
  {
    key: 'historySettings',
    label: () => i18n.t('storedChecks.historySettings'),
    check: (value) =>
      isObject(value) && typeof value.enabled === 'boolean'
        ? undefined
        : i18n.t('storedChecks.notHistorySettings'),
  },
];

export interface StoredProblem {
  key: string;
  label: string;
  message: string;
  /** Only some entries are wrong: clearing drops them and keeps the rest. */
  partial?: boolean;
}

/** Keys stored unencrypted beside a passphrase vault (by a hand edit, an old copy, an older version). */
const PLAINTEXT = 'plaintext';

function plaintextProblem(stored: Record<string, unknown>): StoredProblem[] {
  if (stored.vault === null || stored.vault === undefined) return [];
  const ids = new Set([
    ...Object.keys(inlineSecrets(stored.profiles)),
    ...Object.entries(checkSecrets(stored.secrets).value)
      .filter(([, secret]) => secret.secretAccessKey !== '')
      .map(([id]) => id),
  ]);
  if (ids.size === 0) return [];
  return [
    {
      key: PLAINTEXT,
      label: i18n.t('storedChecks.plaintext'),
      message: i18n.t('storedChecks.plaintextKeys', { n: ids.size }),
    },
  ];
}

/** The stored values that fail their checks (absent ones are fine: their defaults apply). */
export async function storedProblems(): Promise<StoredProblem[]> {
  const stored = await browser.storage.local.get(SHAPES.map((shape) => shape.key));
  return [
    ...SHAPES.flatMap(({ key, label, check, keep }) => {
      const value = stored[key];
      if (value === undefined) return [];
      const message = check(value);
      if (!message) return [];
      return [{ key, label: label(), message, ...(keep?.(value) !== undefined ? { partial: true } : {}) }];
    }),
    ...plaintextProblem(stored),
  ];
}

/**
 * Clears what is wrong in one stored value, as the user asked: the unreadable entries of a list or table (the
 * readable ones stay), or the whole value (its default applies again). Under the secrets lock: a save from
 * another page is not undone.
 */
export async function clearStored(key: string): Promise<void> {
  await withSecretsLock(async () => {
    if (key === PLAINTEXT) {
      const { profiles, secrets } = await browser.storage.local.get(['profiles', 'secrets']);
      await browser.storage.local.set({
        ...(checkSecrets(secrets).problem ? {} : { secrets: {} }),
        ...(Array.isArray(profiles) ? { profiles: withoutInlineSecrets(profiles) } : {}),
      });
      return;
    }
    const shape = SHAPES.find((candidate) => candidate.key === key);
    if (!shape) return;
    const value = (await browser.storage.local.get(key))[key];
    const kept = shape.keep?.(value);
    if (kept === undefined) await browser.storage.local.remove(key);
    else await browser.storage.local.set({ [key]: kept });
  });
}
