import { browser } from 'wxt/browser';
import { fromBase64, toBase64, type VaultKey } from '../vault';
import { profileFormDraftItem, securitySettingsItem, vaultKeyItem, vaultLastUsedItem } from './storage';
import { checkSecuritySettings } from './stored-checks';

// The unlocked vault's key in session storage (memory only): kept on unlock, dropped on lock or once idle past
// the auto-lock time. Its last use is a separate item, so recording a use never writes the key.

/** A key this recent counts as just used: no write to record the use (storage writes wake every watcher). */
const TOUCH_EVERY_MS = 15_000;
/** How far ahead of the clock a last use may be (the clock set back a little) before it counts as tampered. */
const FUTURE_SLACK_MS = 60_000;

/** The session value as a key, or undefined when it is not one (tampered): then it is treated as locked. */
function validKey(value: unknown): VaultKey | undefined {
  const v = value as { key?: unknown; salt?: unknown } | null;
  if (typeof v !== 'object' || v === null || typeof v.key !== 'string' || typeof v.salt !== 'string') return;
  try {
    const raw = fromBase64(v.key);
    return raw.length === 32 && v.salt !== '' ? { raw, salt: v.salt } : undefined;
  } catch {
    return undefined;
  }
}

/** The unlocked key, unless unused for longer than the auto-lock time (then it is dropped: locked). */
export async function currentKey(now = Date.now(), touch = true): Promise<VaultKey | undefined> {
  const [unlocked, lastUsed, settings] = await Promise.all([
    vaultKeyItem.getValue(),
    vaultLastUsedItem.getValue(),
    securitySettingsItem.getValue(),
  ]);
  if (unlocked === null || unlocked === undefined) return undefined;
  const key = validKey(unlocked);
  const idle = checkSecuritySettings(settings).value.autoLockMinutes * 60_000;
  // A last use that is not a time, or in the future (never idle), is as untrusted as a key that is not a key.
  const fresh = typeof lastUsed === 'number' && now - lastUsed <= idle && lastUsed - now <= FUTURE_SLACK_MS;
  if (!key || !fresh) {
    await lock();
    return undefined;
  }
  // Only the time is written: a use racing Lock cannot bring the key back.
  if (touch && now - lastUsed > TOUCH_EVERY_MS) await vaultLastUsedItem.setValue(now);
  return key;
}

/** Locks now if the vault has been idle past the auto-lock time (pages call it on a timer). */
export async function lockIfIdle(now = Date.now()): Promise<void> {
  await currentKey(now, false);
}

/** Records a use of the unlocked vault (a page the user is working in): the auto-lock counts from here. */
export async function touchVault(now = Date.now()): Promise<void> {
  await currentKey(now, true);
}

/** Keeps an unlocked key in session storage, used now (key and time in one write). */
export async function keepKey(key: VaultKey, now: number): Promise<void> {
  await browser.storage.session.set({
    [vaultKeyItem.key.replace(/^session:/, '')]: { key: toBase64(key.raw), salt: key.salt },
    [vaultLastUsedItem.key.replace(/^session:/, '')]: now,
  });
}

/** Locks now: the key leaves session storage (and so does a half-typed profile form, which may hold a key). */
export async function lock(): Promise<void> {
  const items = [vaultKeyItem, vaultLastUsedItem, profileFormDraftItem];
  await browser.storage.session.remove(items.map((item) => item.key.replace(/^session:/, '')));
}

/**
 * While the service worker lives, locks the vault once it has been idle past the auto-lock time (no `alarms`
 * permission: a worker that stopped relies on the check every read makes, and on session storage being
 * cleared when the browser closes).
 */
export function addAutoLock(everyMs = 60_000): void {
  setInterval(() => void lockIfIdle().catch(() => undefined), everyMs);
}
