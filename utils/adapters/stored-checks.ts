import { browser } from 'wxt/browser';
import { isPresignError } from '../errors';
import { parseVault } from '../vault';
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
  if (!Array.isArray(value)) return { value: [], problem: 'The profiles are not a list: none can be read.' };
  const good = value.filter(isStoredProfile);
  if (good.length === value.length) return { value: good };
  return {
    value: good,
    problem: `${value.length - good.length} of ${value.length} stored profiles have a wrong shape and are ignored.`,
  };
}

function isSecrets(value: unknown): value is ProfileSecrets {
  return isObject(value) && typeof value.secretAccessKey === 'string' && optionalString(value.sessionToken);
}

/** The unencrypted secrets by profile id; wrong entries are left out (and reported). Never says what they hold. */
export function checkSecrets(value: unknown): Checked<Record<string, ProfileSecrets>> {
  if (value === null || value === undefined) return { value: {} };
  if (!isObject(value)) return { value: {}, problem: 'The stored keys are not readable: none can be used.' };
  const entries = Object.entries(value);
  const good = entries.filter((entry): entry is [string, ProfileSecrets] => isSecrets(entry[1]));
  return good.length === entries.length
    ? { value: Object.fromEntries(good) }
    : {
        value: Object.fromEntries(good),
        problem: `The keys of ${entries.length - good.length} profile(s) have a wrong shape and are ignored.`,
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
    problem: `Auto-lock is not a number of minutes: ${DEFAULT_AUTO_LOCK_MINUTES} is used.`,
  };
}

type Shape = (value: unknown) => string | undefined;

const recordOfStrings: Shape = (value) =>
  isObject(value) && Object.values(value).every((entry) => typeof entry === 'string')
    ? undefined
    : 'Not a table of names: it is ignored.';

/**
 * Every stored item that is checked, with a name the user knows it by. `keep` gives what clearing keeps of a
 * list or table where only some entries are wrong (the readable ones); without it, clearing removes the value.
 */
const SHAPES: { key: string; label: string; check: Shape; keep?: (value: unknown) => unknown }[] = [
  {
    key: 'profiles',
    label: 'Profiles',
    check: (value) => checkProfiles(value).problem,
    keep: (value) => (Array.isArray(value) ? checkProfiles(value).value : undefined),
  },
  {
    key: 'secrets',
    label: 'Keys (unencrypted)',
    check: (value) => checkSecrets(value).problem,
    keep: (value) => (isObject(value) ? checkSecrets(value).value : undefined),
  },
  {
    key: 'vault',
    label: 'Keys (encrypted vault)',
    check: (value) => {
      if (value === null) return undefined;
      try {
        parseVault(value);
        return undefined;
      } catch (error) {
        return isPresignError(error) ? error.message : 'The vault cannot be read.';
      }
    },
  },
  { key: 'security', label: 'Security settings', check: (value) => checkSecuritySettings(value).problem },
  {
    key: 'preferences',
    label: 'Preferences',
    check: (value) =>
      isObject(value) && typeof value.defaultExpiresIn === 'number'
        ? undefined
        : 'Not a set of preferences: the defaults are used.',
  },
  { key: 'bucketProfiles', label: 'Profile chosen per bucket', check: recordOfStrings },
  { key: 'bucketRegions', label: 'Bucket regions', check: recordOfStrings },
  {
    key: 'history',
    label: 'Link history',
    check: (value) =>
      Array.isArray(value) && value.every((entry) => isObject(entry) && typeof entry.url === 'string')
        ? undefined
        : 'Not a list of links: the history cannot be shown.',
  },
  {
    key: 'historySettings',
    label: 'History settings',
    check: (value) =>
      isObject(value) && typeof value.enabled === 'boolean'
        ? undefined
        : 'Not history settings: defaults are used.',
  },
];

export interface StoredProblem {
  key: string;
  label: string;
  message: string;
  /** Only some entries are wrong: clearing drops them and keeps the rest. */
  partial?: boolean;
}

/** The stored values that fail their checks (absent ones are fine: their defaults apply). */
export async function storedProblems(): Promise<StoredProblem[]> {
  const stored = await browser.storage.local.get(SHAPES.map((shape) => shape.key));
  return SHAPES.flatMap(({ key, label, check, keep }) => {
    const value = stored[key];
    if (value === undefined) return [];
    const message = check(value);
    if (!message) return [];
    return [{ key, label, message, ...(keep?.(value) !== undefined ? { partial: true } : {}) }];
  });
}

/**
 * Clears what is wrong in one stored value, as the user asked: the unreadable entries of a list or table (the
 * readable ones stay), or the whole value (its default applies again).
 */
export async function clearStored(key: string): Promise<void> {
  const shape = SHAPES.find((candidate) => candidate.key === key);
  if (!shape) return;
  const value = (await browser.storage.local.get(key))[key];
  const kept = shape.keep?.(value);
  if (kept === undefined) await browser.storage.local.remove(key);
  else await browser.storage.local.set({ [key]: kept });
}
