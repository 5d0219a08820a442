import { i18n } from '#i18n';
import { PresignError } from '../errors';
import type { Profile } from '../profile';
import { parseSettingsFile, settingsFileText } from '../settings-export';
import { historySettingsItem, preferencesItem, securitySettingsItem } from './storage';
import { checkSecuritySettings } from './stored-checks';
import {
  loadProfiles,
  openExported,
  publicProfiles,
  restoreVault,
  sealedForExport,
  updateProfiles,
} from './vault-store';

/** The settings as a JSON file: profiles without keys, defaults, auto-lock, history settings. */
export async function exportSettings(now = new Date()): Promise<string> {
  const [profiles, preferences, security, history] = await Promise.all([
    publicProfiles(),
    preferencesItem.getValue(),
    securitySettingsItem.getValue(),
    historySettingsItem.getValue(),
  ]);
  return settingsFileText({
    exportedAt: now.toISOString(),
    profiles,
    defaultExpiresIn: preferences.defaultExpiresIn,
    ...(preferences.defaultMethod ? { defaultMethod: preferences.defaultMethod } : {}),
    autoLockMinutes: checkSecuritySettings(security).value.autoLockMinutes,
    history,
  });
}

/** The settings file plus every secret, sealed under `passphrase` (the vault's own, when one is set). */
export async function exportVaultFile(passphrase: string, now = new Date()): Promise<string> {
  const sealed = await sealedForExport(passphrase);
  const file = JSON.parse(await exportSettings(now)) as Record<string, unknown>;
  return `${JSON.stringify({ ...file, vault: sealed }, null, 2)}\n`;
}

/**
 * Imports a settings or vault file: its profiles are added or replace those with the same id (keys kept unless
 * the file's vault brings new ones, which needs its passphrase). Everything is checked before anything is written.
 */
export async function importSettings(
  text: string,
  passphrase?: string,
): Promise<{ profiles: number; keys: number }> {
  const file = parseSettingsFile(text);
  if (file.vault !== undefined && !passphrase)
    throw new PresignError('invalid-passphrase', i18n.t('transfer.passphrase'));
  const secrets = file.vault !== undefined && passphrase ? await openExported(passphrase, file.vault) : {};
  if ((await loadProfiles()).status === 'locked') {
    // Locked (or the stored vault damaged): only a vault file can come in, and it unlocks or restores the vault.
    if (file.vault === undefined || !passphrase)
      throw new PresignError('vault-locked', i18n.t('transfer.locked'));
    await restoreVault(passphrase, file.vault);
  }
  await updateProfiles((current) => {
    const byId = new Map<string, Profile>(current.map((profile) => [profile.id, profile]));
    for (const incoming of file.profiles) {
      const own = secrets[incoming.id];
      const before = byId.get(incoming.id);
      byId.set(incoming.id, {
        ...incoming,
        secretAccessKey: own?.secretAccessKey ?? before?.secretAccessKey ?? '',
        ...(own
          ? own.sessionToken
            ? { sessionToken: own.sessionToken }
            : {}
          : before?.sessionToken
            ? { sessionToken: before.sessionToken }
            : {}),
      });
    }
    return [...byId.values()];
  });
  const preferences = await preferencesItem.getValue();
  await preferencesItem.setValue({
    ...preferences,
    ...(file.defaultExpiresIn ? { defaultExpiresIn: file.defaultExpiresIn } : {}),
    ...(file.defaultMethod ? { defaultMethod: file.defaultMethod } : {}),
  });
  if (file.autoLockMinutes) await securitySettingsItem.setValue({ autoLockMinutes: file.autoLockMinutes });
  if (file.history) await historySettingsItem.setValue(file.history);
  return { profiles: file.profiles.length, keys: Object.keys(secrets).length };
}
