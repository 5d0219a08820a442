import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { formatDuration } from '@/utils/expiry';
import type { SignedLink } from '@/utils/sign-link';

interface LinkResultProps {
  link: SignedLink;
  /** Called after a successful copy (to remember the object for the shortcut). */
  onCopied?: () => void;
}

/** The signed link, its exact expiry (local time and how long from now), its warnings, and Copy that confirms. */
export function LinkResult({ link, onCopied }: LinkResultProps): JSX.Element {
  const [status, setStatus] = useState<string>('');
  const expiresAt = new Date(link.expiresAt);
  const left = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link.url);
      setStatus('Copied');
      onCopied?.();
    } catch {
      setStatus('Could not copy: select the link and press Ctrl+C.');
    }
  };

  const headers = Object.entries(link.requiredHeaders);
  return (
    <section class="result" aria-label="Signed link">
      <textarea
        readonly
        rows={4}
        value={link.url}
        aria-label="Signed link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p>
        {link.method === 'PUT' ? 'Upload link' : 'Download link'}, expires{' '}
        <time dateTime={link.expiresAt}>
          {expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>{' '}
        (in {formatDuration(left)}), signed with “{link.profileName}”.
      </p>
      {headers.length > 0 && (
        <p class="hint">
          The uploader must send {headers.map(([name, value]) => `${name}: ${value}`).join(', ')}.
        </p>
      )}
      {link.warnings.map((warning) => (
        <p key={warning.code} class="warning">
          {warning.message}
        </p>
      ))}
      <div class="actions">
        <button type="button" onClick={copy}>
          Copy link
        </button>
        <span role="status" class="copied">
          {status}
        </span>
      </div>
    </section>
  );
}
