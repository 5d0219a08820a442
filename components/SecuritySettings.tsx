import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
      <label for="auto-lock">Lock after this many minutes unused</label>
      <input
        id="auto-lock"
        type="number"
        min={1}
        max={1440}
        value={minutes}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          if (!Number.isInteger(next) || next < 1 || next > 1440)
            return setError('Type a whole number of minutes from 1 to 1440 (a day).');
          setError(undefined);
          securitySettingsItem
            .setValue({ autoLockMinutes: next })
            .catch((caught: unknown) => setError(vaultErrorText(caught, 'save the auto-lock time')));
        }}
      />
      {error ? (
        <p class="error">{error}</p>
      ) : (
        <p class="hint">Also locks when the browser closes. Applies when a passphrase is set.</p>
      )}
    </div>
  );
}

/** Stored values that fail their checks, each with a Clear button (the raw value is kept until then). */
function StoredProblems(): JSX.Element | null {
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
    <section class="stack" aria-label="Stored values that need attention">
      <h3>Stored values that need attention</h3>
      <p class="hint">
        These were changed outside S3 Presign and have a wrong shape. S3 Presign ignores what it cannot read
        and keeps the value as it is until you clear it.
      </p>
      <ul class="stack">
        {problems.map((problem) => (
          <li key={problem.key}>
            <strong>{problem.label}</strong>: {problem.message}{' '}
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void clearStored(problem.key).then(refresh, (caught: unknown) =>
                  setError(vaultErrorText(caught, 'clear it')),
                )
              }
            >
              {problem.partial ? 'Drop the unreadable entries' : `Clear ${problem.label.toLowerCase()}`}
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
      setError(vaultErrorText(caught, 'clear the data'));
    }
  };
  return (
    <section class="stack" aria-label="Clear data">
      <h3>Clear data</h3>
      {confirming ? (
        <div class="actions">
          <button type="button" onClick={() => void clear()}>
            Delete every profile, key, setting and the history
          </button>
          <button type="button" class="link" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            Clear all data…
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
    <section class="stack" aria-label="Security">
      <h2>Security</h2>
      {state === undefined ? <div aria-busy="true" /> : <PassphraseSettings state={state} />}
      <AutoLock />
      <SettingsTransfer />
      <StoredProblems />
      <ClearData />
    </section>
  );
}
