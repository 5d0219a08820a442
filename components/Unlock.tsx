import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { resetSecrets, unlock } from '@/utils/adapters/vault-store';
import { vaultErrorText } from './vault-error';

interface UnlockProps {
  /** The profiles whose keys a reset would delete (names only: readable while locked). */
  profileNames: readonly string[];
  /** Why the vault cannot open even with the passphrase (damaged, downgraded), when known. */
  problem?: string | undefined;
}

/** The locked screen: the passphrase, or "Forgot passphrase" → reset (confirmed; deletes the keys only). */
export function Unlock({ profileNames, problem }: UnlockProps): JSX.Element {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await unlock(passphrase);
      setPassphrase('');
    } catch (caught) {
      setError(vaultErrorText(caught, i18n.t('unlock.doingUnlock')));
    } finally {
      setBusy(false);
    }
  };
  const reset = async (): Promise<void> => {
    setError(undefined);
    try {
      await resetSecrets();
    } catch (caught) {
      setError(vaultErrorText(caught, i18n.t('unlock.doingReset')));
    }
  };

  return (
    <section class="stack" aria-label={i18n.t('unlock.label')}>
      <h2>{i18n.t('unlock.title')}</h2>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {forgot ? (
        <div class="stack">
          <p class="warning">
            {i18n.t('unlock.resetWarning', profileNames.length, {
              n: profileNames.length,
              names: profileNames.join(', '),
            })}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void reset()}>
              {i18n.t('unlock.reset')}
            </button>
            <button type="button" class="secondary" onClick={() => setForgot(false)}>
              {i18n.t('unlock.keepThem')}
            </button>
          </div>
        </div>
      ) : (
        <form class="stack" onSubmit={(event) => void submit(event)} aria-label={i18n.t('unlock.formLabel')}>
          <label for="unlock-passphrase">{i18n.t('unlock.passphrase')}</label>
          <input
            id="unlock-passphrase"
            type="password"
            autocomplete="current-password"
            autofocus
            value={passphrase}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" disabled={busy || passphrase === ''}>
              {busy ? i18n.t('unlock.unlocking') : i18n.t('unlock.unlock')}
            </button>
            <button type="button" class="link" onClick={() => setForgot(true)}>
              {i18n.t('unlock.forgot')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
