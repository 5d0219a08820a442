import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { formatDuration } from '@/utils/expiry';
import type { SignedLink } from '@/utils/sign-link';
import { lazy } from './lazy';

// Loaded when a link is shown, not with the popup: its first paint does not carry the link tools.
const LinkTools = lazy(() => import('./LinkTools').then((m) => m.LinkTools));

interface LinkResultProps {
  link: SignedLink;
  /** Called after a successful copy (to remember the object for the shortcut). */
  onCopied?: () => void;
  /** Recorded in the history with the link (SignedLink.profileId when absent). */
  profileId?: string | undefined;
  versionId?: string | undefined;
  /** Wrong region found by Test: remember the bucket's region and sign again. */
  onUseRegion?: ((region: string) => void) | undefined;
  /** Clock skew found by Test: sign again with the corrected time. */
  onCorrectClock?: ((offsetMs: number) => void) | undefined;
}

/** Records a link handed out (copied or shown as QR) in the history; best effort, loaded on first use. */
function record(link: SignedLink, profileId: string | undefined, versionId: string | undefined): void {
  void import('@/utils/adapters/history-store')
    .then(({ recordLink }) => recordLink(link, { source: 'popup', profileId, versionId }))
    .catch(() => undefined);
}

/** The signed link, its exact expiry (local time and how long from now), its warnings, and Copy that confirms. */
export function LinkResult(props: LinkResultProps): JSX.Element {
  const { link, onCopied } = props;
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
      record(link, props.profileId, props.versionId);
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
      <LinkTools
        link={link}
        onQrShown={() => record(link, props.profileId, props.versionId)}
        onUseRegion={props.onUseRegion}
        onCorrectClock={props.onCorrectClock}
      />
    </section>
  );
}
