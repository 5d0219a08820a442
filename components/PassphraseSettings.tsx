import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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

/** Set a new passphrase: typed twice. Used by the settings page and after the first profile is saved. */
export function SetPassphraseForm({ onDone }: { onDone?: () => void }): JSX.Element {
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (first !== again) return setError(i18n.t('passphraseSettings.differ'));
    setBusy(true);
    setError(undefined);
    try {
      await setPassphrase(first);
      onDone?.();
    } catch (caught) {
      setError(vaultErrorText(caught, i18n.t('passphraseSettings.doingSet')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="stack"
      aria-label={i18n.t('passphraseSettings.setLabel')}
      onSubmit={(event) => void submit(event)}
    >
      <Secret id="new-passphrase" label={i18n.t('passphraseSettings.new')} value={first} onInput={setFirst} />
      <Secret
        id="new-passphrase-again"
        label={i18n.t('passphraseSettings.again')}
        value={again}
        onInput={setAgain}
      />
      <p class="hint">{i18n.t('passphraseSettings.noRecovery')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={busy || first === ''}>
          {busy ? i18n.t('passphraseSettings.encrypting') : i18n.t('passphraseSettings.set')}
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
      return setMessage({ error: true, text: i18n.t('passphraseSettings.newDiffer') });
    setBusy(true);
    setMessage(undefined);
    try {
      if (mode === 'change') await changePassphrase(current, next);
      else await removePassphrase(current);
      setMessage({
        error: false,
        text: i18n.t(mode === 'change' ? 'passphraseSettings.changed' : 'passphraseSettings.removed'),
      });
      setMode(undefined);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (caught) {
      const doing = i18n.t(
        mode === 'change' ? 'passphraseSettings.doingChange' : 'passphraseSettings.doingRemove',
      );
      setMessage({ error: true, text: vaultErrorText(caught, doing) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack">
      <div class="actions">
        <button type="button" onClick={() => void lock()}>
          {i18n.t('passphraseSettings.lock')}
        </button>
        <button type="button" class="secondary" onClick={() => setMode('change')}>
          {i18n.t('passphraseSettings.change')}
        </button>
        <button type="button" class="secondary" onClick={() => setMode('remove')}>
          {i18n.t('passphraseSettings.remove')}
        </button>
      </div>
      {mode && (
        <form
          class="stack"
          aria-label={i18n.t(mode === 'change' ? 'passphraseSettings.change' : 'passphraseSettings.remove')}
          onSubmit={(event) => void run(event)}
        >
          {mode === 'remove' && <p class="warning">{i18n.t('passphraseSettings.removeWarning')}</p>}
          <Secret
            id="current-passphrase"
            label={i18n.t('passphraseSettings.current')}
            value={current}
            onInput={setCurrent}
            autocomplete="current-password"
          />
          {mode === 'change' && (
            <>
              <Secret
                id="changed-passphrase"
                label={i18n.t('passphraseSettings.new')}
                value={next}
                onInput={setNext}
              />
              <Secret
                id="changed-passphrase-again"
                label={i18n.t('passphraseSettings.newAgain')}
                value={again}
                onInput={setAgain}
              />
            </>
          )}
          <div class="actions">
            <button type="submit" disabled={busy || current === '' || (mode === 'change' && next === '')}>
              {i18n.t(mode === 'change' ? 'passphraseSettings.change' : 'passphraseSettings.removeConfirm')}
            </button>
            <button type="button" class="link" onClick={() => setMode(undefined)}>
              {i18n.t('passphraseSettings.cancel')}
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
        {state.encrypted
          ? i18n.t('passphraseSettings.encrypted', { n: MIN_ITERATIONS.toLocaleString('en') })
          : i18n.t('passphraseSettings.unencrypted')}
      </p>
      {state.encrypted ? <UnlockedControls /> : <SetPassphraseForm />}
    </div>
  );
}
