import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
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
      setError(vaultErrorText(caught, 'unlock'));
    } finally {
      setBusy(false);
    }
  };
  const reset = async (): Promise<void> => {
    setError(undefined);
    try {
      await resetSecrets();
    } catch (caught) {
      setError(vaultErrorText(caught, 'reset'));
    }
  };

  return (
    <section class="stack" aria-label="Unlock">
      <h2>S3 Presign is locked</h2>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {forgot ? (
        <div class="stack">
          <p class="warning">
            Reset deletes the secret keys and session tokens of{' '}
            {profileNames.length === 1 ? 'your profile' : `your ${profileNames.length} profiles`}
            {profileNames.length > 0 ? ` (${profileNames.join(', ')})` : ''}. Their names, endpoints and
            regions stay, and so do your settings: you enter the keys again afterwards. This cannot be undone.
          </p>
          <div class="actions">
            <button type="button" onClick={() => void reset()}>
              Delete the keys and reset
            </button>
            <button type="button" class="secondary" onClick={() => setForgot(false)}>
              Keep them
            </button>
          </div>
        </div>
      ) : (
        <form class="stack" onSubmit={(event) => void submit(event)} aria-label="Unlock with your passphrase">
          <label for="unlock-passphrase">Passphrase</label>
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
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
            <button type="button" class="link" onClick={() => setForgot(true)}>
              Forgot passphrase?
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
