import { useLayoutEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { profilesItem, secretsItem, vaultItem, vaultKeyItem } from '@/utils/adapters/storage';
import { loadProfiles, lockIfIdle, type ProfilesState, touchVault } from '@/utils/adapters/vault-store';

// A read started before the first render (preloadProfiles), used by the first hook that asks.
let early: Promise<ProfilesState> | undefined;

/** Starts reading the profiles (and opening the vault) now, before the UI renders. */
export function preloadProfiles(): void {
  early = loadProfiles();
}

/** How often an open page checks whether the vault has been idle past the auto-lock time. */
const IDLE_CHECK_MS = 20_000;
/** Typing and clicking count as using the vault, recorded at most this often. */
const ACTIVITY_MS = 5_000;

/**
 * The profiles with their secrets, or "locked"; undefined while loading. Kept current when any page or the
 * background changes profiles, secrets, the vault or the unlocked key. While the page is open, clicks and keys
 * count as use, and the vault locks after the auto-lock time without them.
 */
export function useProfiles(): ProfilesState | undefined {
  const [state, setState] = useState<ProfilesState | undefined>(undefined);
  useLayoutEffect(() => {
    let live = true;
    let latest = 0;
    const show = (read: Promise<ProfilesState>): void => {
      const mine = ++latest;
      void read.then(
        (next) => {
          if (live && mine === latest) setState(next);
        },
        () => {
          // Never left busy: a read that fails shows the locked screen saying so (no stored text is shown).
          if (live && mine === latest)
            setState({ status: 'locked', profiles: [], error: i18n.t('useProfiles.unreadable') });
        },
      );
    };
    const reload = (): void => show(loadProfiles());
    show(early ?? loadProfiles());
    early = undefined;
    const unwatch = [
      profilesItem.watch(reload),
      secretsItem.watch(reload),
      vaultItem.watch(reload),
      // Only locking and unlocking matter, not each recorded use.
      vaultKeyItem.watch((next, previous) => {
        if (next?.key !== previous?.key || next?.salt !== previous?.salt) reload();
      }),
    ];
    let lastActivity = 0;
    const activity = (): void => {
      if (Date.now() - lastActivity < ACTIVITY_MS) return;
      lastActivity = Date.now();
      void touchVault();
    };
    document.addEventListener('pointerdown', activity, true);
    document.addEventListener('keydown', activity, true);
    const timer = setInterval(() => void lockIfIdle(), IDLE_CHECK_MS);
    return () => {
      live = false;
      for (const stop of unwatch) stop();
      document.removeEventListener('pointerdown', activity, true);
      document.removeEventListener('keydown', activity, true);
      clearInterval(timer);
    };
  }, []);
  return state;
}
