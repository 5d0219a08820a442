import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { formatDuration } from '@/utils/expiry';
import type { SignedLink } from '@/utils/sign-link';

/** The signed link, when it stops working, its warnings, and a Copy button that confirms. */
export function LinkResult({ link }: { link: SignedLink }): JSX.Element {
  const [status, setStatus] = useState<string>('');
  const expiresAt = new Date(link.expiresAt);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(link.url);
      setStatus('Copied');
    } catch {
      setStatus('Could not copy: select the link and press Ctrl+C.');
    }
  };

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
        Expires <time dateTime={link.expiresAt}>{expiresAt.toLocaleString()}</time> (in{' '}
        {formatDuration(link.expiresIn)}
        ), signed with “{link.profileName}”.
      </p>
      {link.warnings.map((warning) => (
        <p key={warning.code} class="warning">
          {warning.message}
        </p>
      ))}
      <div class="actions">
        <button type="button" onClick={copy}>
          Copy link
        </button>
        <span role="status">{status}</span>
      </div>
    </section>
  );
}
