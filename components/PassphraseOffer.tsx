import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useProfiles } from './hooks/use-profiles';
import { SetPassphraseForm } from './PassphraseSettings';

/**
 * Where the profile form says how keys are stored. At first setup (no profile, no passphrase) it offers the
 * passphrase before any key is typed, so the first key is written encrypted; without one it says plainly
 * that keys are stored unencrypted.
 */
export function PassphraseOffer(): JSX.Element | null {
  const state = useProfiles();
  const [open, setOpen] = useState(false);
  if (state?.status !== 'ready') return null;
  if (state.encrypted)
    return <p class="hint">Your keys are encrypted with your passphrase and only sign links locally.</p>;
  if (state.profiles.length > 0)
    return (
      <p class="hint">
        Keys are stored unencrypted on this device (never synced) and only sign links locally. Set a
        passphrase in the settings page to encrypt them.
      </p>
    );
  return (
    <section class="stack notice" aria-label="Passphrase">
      <p>
        <strong>Protect your keys with a passphrase (recommended).</strong> Without one, keys are stored
        unencrypted on this device.
      </p>
      {open ? (
        <SetPassphraseForm onDone={() => setOpen(false)} />
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            Set a passphrase…
          </button>
        </div>
      )}
    </section>
  );
}
