import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ProfilesState } from '@/utils/adapters/vault-store';
import { changePassphrase, lock, removePassphrase, setPassphrase } from '@/utils/adapters/vault-store';
import { MIN_ITERATIONS } from '@/utils/vault';
import { Unlock } from './Unlock';
import { vaultErrorText } from './vault-error';

/** A password input with its label. */
function Secret({
  id,
  label,
  value,
  onInput,
  autocomplete = 'new-password',
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete?: string;
}): JSX.Element {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autocomplete={autocomplete}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}

export const ENCRYPTED_TEXT = `Your keys are encrypted with your passphrase (AES-GCM-256, key derived by PBKDF2-SHA256 with ${MIN_ITERATIONS.toLocaleString('en')} iterations).`;
export const UNENCRYPTED_TEXT =
  'Your keys are stored unencrypted on this device (in the browser’s extension storage, never synced). Set a passphrase to encrypt them.';

/** Set a new passphrase: typed twice. Used by the settings page and after the first profile is saved. */
export function SetPassphraseForm({ onDone }: { onDone?: () => void }): JSX.Element {
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (first !== again) return setError('The two passphrases differ: type the same one twice.');
    setBusy(true);
    setError(undefined);
    try {
      await setPassphrase(first);
      onDone?.();
    } catch (caught) {
      setError(vaultErrorText(caught, 'set the passphrase'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" aria-label="Set a passphrase" onSubmit={(event) => void submit(event)}>
      <Secret id="new-passphrase" label="New passphrase" value={first} onInput={setFirst} />
      <Secret id="new-passphrase-again" label="Same passphrase again" value={again} onInput={setAgain} />
      <p class="hint">
        There is no way to recover a forgotten passphrase: you would enter your keys again. A long phrase of
        several words is both strong and easy to remember.
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy || first === ''}>
          {busy ? 'Encrypting…' : 'Set passphrase'}
        </button>
      </div>
    </form>
  );
}

/** Change or remove the passphrase (each needs the current one), and lock now. */
function UnlockedControls(): JSX.Element {
  const [mode, setMode] = useState<'change' | 'remove' | undefined>(undefined);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (mode === 'change' && next !== again)
      return setMessage({ error: true, text: 'The two new passphrases differ: type the same one twice.' });
    setBusy(true);
    setMessage(undefined);
    try {
      if (mode === 'change') await changePassphrase(current, next);
      else await removePassphrase(current);
      setMessage({ error: false, text: mode === 'change' ? 'Passphrase changed.' : 'Passphrase removed.' });
      setMode(undefined);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (caught) {
      setMessage({ error: true, text: vaultErrorText(caught, `${mode} the passphrase`) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack">
      <div class="actions">
        <button type="button" onClick={() => void lock()}>
          Lock now
        </button>
        <button type="button" class="secondary" onClick={() => setMode('change')}>
          Change passphrase
        </button>
        <button type="button" class="secondary" onClick={() => setMode('remove')}>
          Remove passphrase
        </button>
      </div>
      {mode && (
        <form
          class="stack"
          aria-label={mode === 'change' ? 'Change passphrase' : 'Remove passphrase'}
          onSubmit={(event) => void run(event)}
        >
          {mode === 'remove' && (
            <p class="warning">
              Without a passphrase your keys are stored unencrypted on this device: anyone who can read this
              browser profile’s files can read them.
            </p>
          )}
          <Secret
            id="current-passphrase"
            label="Current passphrase"
            value={current}
            onInput={setCurrent}
            autocomplete="current-password"
          />
          {mode === 'change' && (
            <>
              <Secret id="changed-passphrase" label="New passphrase" value={next} onInput={setNext} />
              <Secret
                id="changed-passphrase-again"
                label="Same new passphrase again"
                value={again}
                onInput={setAgain}
              />
            </>
          )}
          <div class="actions">
            <button type="submit" disabled={busy || current === '' || (mode === 'change' && next === '')}>
              {mode === 'change' ? 'Change passphrase' : 'Remove passphrase and store keys unencrypted'}
            </button>
            <button type="button" class="link" onClick={() => setMode(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The passphrase part of the security settings, for the vault's current state. */
export function PassphraseSettings({ state }: { state: ProfilesState }): JSX.Element {
  if (state.status === 'locked')
    return <Unlock profileNames={state.profiles.map((profile) => profile.name)} problem={state.error} />;
  return (
    <div class="stack">
      <p class={state.encrypted ? 'hint' : 'warning'}>
        {state.encrypted ? ENCRYPTED_TEXT : UNENCRYPTED_TEXT}
      </p>
      {state.encrypted ? <UnlockedControls /> : <SetPassphraseForm />}
    </div>
  );
}
