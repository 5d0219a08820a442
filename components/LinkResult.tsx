import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatDuration } from '@/utils/expiry';
import type { SignedLink } from '@/utils/sign-link';
import { aroundElement } from './around-element';
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
  /**
   * Store's clock minus this computer's (ms) the link was signed with: its expiry is on the store's clock, so
   * the time and countdown shown (and the history's) are moved back onto this computer's.
   */
  clockOffsetMs?: number | undefined;
}

/** Records a link handed out (copied or shown as QR) in the history; best effort, loaded on first use. */
function record(
  link: SignedLink,
  profileId: string | undefined,
  versionId: string | undefined,
  clockOffsetMs: number,
): void {
  void import('@/utils/adapters/history-store')
    .then(({ recordLink }) => recordLink(link, { source: 'popup', profileId, versionId, clockOffsetMs }))
    .catch(() => undefined);
}

/** The signed link, its exact expiry (local time and how long from now), its warnings, and Copy that confirms. */
export function LinkResult(props: LinkResultProps): JSX.Element {
  const { link, onCopied } = props;
  // The status belongs to the URL it was about: a re-signed link (other method, expiry or option) starts
  // with none, so "Copied" never sits next to a link that was not copied.
  const [status, setStatus] = useState<{ url: string; text: string } | undefined>(undefined);
  const offset = props.clockOffsetMs ?? 0;
  // On this computer's clock: a 1-hour link signed with the store's time shows "in 1 hour".
  const expiresAt = new Date(Date.parse(link.expiresAt) - offset);
  const left = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));

  const copy = async (): Promise<void> => {
    const { url } = link;
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ url, text: i18n.t('linkResult.copied') });
      onCopied?.();
      record(link, props.profileId, props.versionId, offset);
    } catch {
      setStatus({ url, text: i18n.t('linkResult.copyFailed') });
    }
  };

  const headers = Object.entries(link.requiredHeaders);
  const [expiresBefore, expiresAfter] = aroundElement((at) =>
    i18n.t('linkResult.expires', {
      kind: link.method === 'PUT' ? i18n.t('linkResult.upload') : i18n.t('linkResult.download'),
      at,
      duration: formatDuration(left),
      profile: link.profileName,
    }),
  );
  return (
    <section class="result" aria-label={i18n.t('linkResult.label')}>
      <textarea
        readonly
        rows={4}
        value={link.url}
        aria-label={i18n.t('linkResult.label')}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p>
        {expiresBefore}
        <time dateTime={link.expiresAt}>
          {expiresAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
        {expiresAfter}
      </p>
      {headers.length > 0 && (
        <p class="hint">
          {i18n.t('linkResult.headers', {
            headers: headers.map(([name, value]) => `${name}: ${value}`).join(', '),
          })}
        </p>
      )}
      {link.warnings.map((warning) => (
        <p key={warning.code} class="warning">
          {warning.message}
        </p>
      ))}
      <div class="actions">
        <button type="button" onClick={copy}>
          {i18n.t('linkResult.copy')}
        </button>
        <span role="status" class="copied">
          {status?.url === link.url ? status.text : ''}
        </span>
      </div>
      <LinkTools
        link={offset === 0 ? link : { ...link, expiresAt: expiresAt.toISOString() }}
        onQrShown={() => record(link, props.profileId, props.versionId, offset)}
        onUseRegion={props.onUseRegion}
        onCorrectClock={props.onCorrectClock}
      />
    </section>
  );
}
