import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { securitySettingsItem } from '@/utils/adapters/storage';
import {
  checkSecuritySettings,
  clearStored,
  type StoredProblem,
  storedProblems,
} from '@/utils/adapters/stored-checks';
import { useProfiles } from './hooks/use-profiles';
import { useStored } from './hooks/use-stored';
import { PassphraseSettings } from './PassphraseSettings';
import { SettingsTransfer } from './SettingsTransfer';
import { vaultErrorText } from './vault-error';

/** Auto-lock minutes (1 to 1440), saved as typed when valid. */
function AutoLock(): JSX.Element {
  const stored = useStored(securitySettingsItem);
  const [error, setError] = useState<string | undefined>(undefined);
  if (stored === undefined) return <div aria-busy="true" />;
  const minutes = checkSecuritySettings(stored).value.autoLockMinutes;
  return (
    <div class="field">
      <label for="auto-lock">{i18n.t('securitySettings.autoLock')}</label>
      <input
        id="auto-lock"
        type="number"
        min={1}
        max={1440}
        value={minutes}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          if (!Number.isInteger(next) || next < 1 || next > 1440)
            return setError(i18n.t('securitySettings.autoLockRange'));
          setError(undefined);
          securitySettingsItem
            .setValue({ autoLockMinutes: next })
            .catch((caught: unknown) =>
              setError(vaultErrorText(caught, i18n.t('securitySettings.doingAutoLock'))),
            );
        }}
      />
      {error ? <p class="error">{error}</p> : <p class="hint">{i18n.t('securitySettings.autoLockHint')}</p>}
    </div>
  );
}

/** Stored values that fail their checks, each with a Clear button (the raw value is kept until then). */
export function StoredProblems(): JSX.Element | null {
  const [problems, setProblems] = useState<StoredProblem[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const refresh = (): void => void storedProblems().then(setProblems, () => undefined);
  useEffect(() => {
    refresh();
    const changed = (): void => refresh();
    browser.storage.local.onChanged.addListener(changed);
    return () => browser.storage.local.onChanged.removeListener(changed);
  }, []);
  if (problems.length === 0 && !error) return null;
  return (
    <section class="stack" aria-label={i18n.t('securitySettings.problems')}>
      <h3>{i18n.t('securitySettings.problems')}</h3>
      <p class="hint">{i18n.t('securitySettings.problemsHint')}</p>
      <ul class="stack">
        {problems.map((problem) => (
          <li key={problem.key}>
            <strong>{problem.label}</strong>: {problem.message}{' '}
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void clearStored(problem.key).then(refresh, (caught: unknown) =>
                  setError(vaultErrorText(caught, i18n.t('securitySettings.doingClearOne'))),
                )
              }
            >
              {problem.partial
                ? i18n.t('securitySettings.dropUnreadable')
                : i18n.t('securitySettings.clearOne', { what: problem.label.toLowerCase() })}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Deletes everything S3 Presign stored on this device (confirmed). */
function ClearData(): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const clear = async (): Promise<void> => {
    try {
      await browser.storage.local.clear();
      await browser.storage.session.clear();
      setConfirming(false);
    } catch (caught) {
      setError(vaultErrorText(caught, i18n.t('securitySettings.doingClearData')));
    }
  };
  return (
    <section class="stack" aria-label={i18n.t('securitySettings.clearData')}>
      <h3>{i18n.t('securitySettings.clearData')}</h3>
      {confirming ? (
        <div class="actions">
          <button type="button" onClick={() => void clear()}>
            {i18n.t('securitySettings.clearAll')}
          </button>
          <button type="button" class="link" onClick={() => setConfirming(false)}>
            {i18n.t('securitySettings.keep')}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            {i18n.t('securitySettings.clearAllAsk')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The settings page's Security section: passphrase, auto-lock, lock now, export/import, damaged values. */
export function SecuritySettings(): JSX.Element {
  const state = useProfiles();
  return (
    <section class="stack" aria-label={i18n.t('securitySettings.title')}>
      <h2>{i18n.t('securitySettings.title')}</h2>
      {state === undefined ? <div aria-busy="true" /> : <PassphraseSettings state={state} />}
      <AutoLock />
      <SettingsTransfer />
      <StoredProblems />
      <ClearData />
    </section>
  );
}
