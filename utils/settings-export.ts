import { i18n } from '#i18n';
import { PresignError } from './errors';
import type { Profile } from './profile';

// The settings file: everything but the secrets, as JSON. A "vault file" adds the secrets sealed under a
// passphrase (utils/vault.ts); the plain file never carries a secret key, session token or passphrase.

/** The profile fields a settings file carries: named one by one, so a new secret field is never exported by accident. */
const PUBLIC_FIELDS = [
  'id',
  'name',
  'accessKeyId',
  'region',
  'endpoint',
  'forcePathStyle',
  'defaultBucket',
  'sessionExpiration',
] as const;

export type PublicProfile = Pick<Profile, 'id' | 'name' | 'accessKeyId' | 'region' | 'forcePathStyle'> &
  Partial<Pick<Profile, 'endpoint' | 'defaultBucket' | 'sessionExpiration'>>;

export interface SettingsFile {
  kind: 's3-presign-settings';
  version: 1;
  exportedAt: string;
  profiles: PublicProfile[];
  defaultExpiresIn?: number;
  defaultMethod?: 'GET' | 'PUT';
  autoLockMinutes?: number;
  history?: { enabled: boolean; keepExpiredDays: number };
  /** Only in a vault file: the secrets, sealed under the passphrase the user chose for it. */
  vault?: unknown;
}

/** A profile without its secrets. */
export function publicProfile(profile: PublicProfile & Partial<Profile>): PublicProfile {
  const out: Record<string, unknown> = {};
  for (const field of PUBLIC_FIELDS) if (profile[field] !== undefined) out[field] = profile[field];
  return out as unknown as PublicProfile;
}

/** The file's JSON text. */
export function settingsFileText(file: Omit<SettingsFile, 'kind' | 'version'>): string {
  const { profiles, ...rest } = file;
  return `${JSON.stringify({ kind: 's3-presign-settings', version: 1, ...rest, profiles: profiles.map(publicProfile) }, null, 2)}\n`;
}

const bad = (message: string): PresignError => new PresignError('invalid-file', message);

function isPublicProfile(value: unknown): value is PublicProfile {
  const p = value as Record<string, unknown>;
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.id === 'string' &&
    p.id !== '' &&
    typeof p.name === 'string' &&
    typeof p.accessKeyId === 'string' &&
    typeof p.region === 'string' &&
    typeof p.forcePathStyle === 'boolean' &&
    ['endpoint', 'defaultBucket', 'sessionExpiration'].every(
      (f) => p[f] === undefined || typeof p[f] === 'string',
    )
  );
}

/** Reads a settings (or vault) file, checking every field it uses; secrets in the profiles are dropped. */
export function parseSettingsFile(text: string): SettingsFile {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw bad(i18n.t('settingsExport.notJson'));
  }
  if (typeof data !== 'object' || data === null || data.kind !== 's3-presign-settings')
    throw bad(i18n.t('settingsExport.notOurs'));
  if (data.version !== 1) throw bad(i18n.t('settingsExport.newer', { version: String(data.version) }));
  if (!Array.isArray(data.profiles) || !data.profiles.every(isPublicProfile))
    throw bad(i18n.t('settingsExport.profiles'));
  const file: SettingsFile = {
    kind: 's3-presign-settings',
    version: 1,
    exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : '',
    profiles: data.profiles.map(publicProfile),
  };
  if (
    typeof data.defaultExpiresIn === 'number' &&
    data.defaultExpiresIn >= 1 &&
    data.defaultExpiresIn <= 604_800
  )
    file.defaultExpiresIn = data.defaultExpiresIn;
  if (data.defaultMethod === 'GET' || data.defaultMethod === 'PUT') file.defaultMethod = data.defaultMethod;
  if (
    typeof data.autoLockMinutes === 'number' &&
    Number.isInteger(data.autoLockMinutes) &&
    data.autoLockMinutes >= 1
  )
    file.autoLockMinutes = Math.min(data.autoLockMinutes, 1440);
  const history = data.history as SettingsFile['history'] | undefined;
  if (history && typeof history.enabled === 'boolean' && typeof history.keepExpiredDays === 'number')
    file.history = { enabled: history.enabled, keepExpiredDays: history.keepExpiredDays };
  if (data.vault !== undefined) file.vault = data.vault;
  return file;
}
