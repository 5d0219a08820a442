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
  // The status belongs to the URL it was about: a re-signed link (other method, expiry or option) starts
  // with none, so "Copied" never sits next to a link that was not copied.
  const [status, setStatus] = useState<{ url: string; text: string } | undefined>(undefined);
  const expiresAt = new Date(link.expiresAt);
  const left = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));

  const copy = async (): Promise<void> => {
    const { url } = link;
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ url, text: 'Copied' });
      onCopied?.();
    } catch {
      setStatus({ url, text: 'Could not copy: select the link and press Ctrl+C.' });
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
          {status?.url === link.url ? status.text : ''}
        </span>
      </div>
    </section>
  );
}
