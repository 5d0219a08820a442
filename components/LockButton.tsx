import type { JSX } from 'preact';
import { lock } from '@/utils/adapters/vault-store';

/** "Lock": drops the unlocked key now (the popup shows the passphrase screen). */
export function LockButton(): JSX.Element {
  return (
    <button type="button" class="link lock" title="Lock S3 Presign now" onClick={() => void lock()}>
      Lock
    </button>
  );
}
