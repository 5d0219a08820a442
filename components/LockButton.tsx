import type { JSX } from 'preact';
import { i18n } from '#i18n';
import { lock } from '@/utils/adapters/vault-store';

/** "Lock": drops the unlocked key now (the popup shows the passphrase screen). */
export function LockButton(): JSX.Element {
  return (
    <button type="button" class="link lock" title={i18n.t('lockButton.title')} onClick={() => void lock()}>
      {i18n.t('lockButton.lock')}
    </button>
  );
}
