import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
  if (state.encrypted) return <p class="hint">{i18n.t('passphraseOffer.encrypted')}</p>;
  if (state.profiles.length > 0) return <p class="hint">{i18n.t('passphraseOffer.unencrypted')}</p>;
  return (
    <section class="stack notice" aria-label={i18n.t('passphraseOffer.label')}>
      <p>
        <strong>{i18n.t('passphraseOffer.protect')}</strong> {i18n.t('passphraseOffer.without')}
      </p>
      {open ? (
        <SetPassphraseForm onDone={() => setOpen(false)} />
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            {i18n.t('passphraseOffer.set')}
          </button>
        </div>
      )}
    </section>
  );
}
