import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { clearHistory, forgetEntry, pruneStoredHistory } from '@/utils/adapters/history-store';
import { type HistoryEntry, historyItem, historySettingsItem } from '@/utils/adapters/storage';
import { formatCountdown, isExpired, recopyUrl } from '@/utils/history';
import { useStored } from './hooks/use-stored';
import { LinkTools } from './LinkTools';

/** Entries shown at first; more on request (the history holds up to 1,000). */
const PAGE = 50;

/** The sentence the README and the history both say. */
export const NO_REVOKE =
  'A link cannot be revoked: it works until it expires, unless the key that signed it is rotated or removed. Forgetting it here does not stop it.';

const SOURCES: Record<HistoryEntry['source'], string> = {
  popup: 'popup',
  menu: 'right-click menu',
  shortcut: 'shortcut',
  bulk: 'bulk copy',
  upload: 'upload',
};

interface HistoryViewProps {
  /** The profiles as the popup has them: a link signed with temporary credentials needs its current token. */
  profiles: readonly { id: string; sessionToken?: string | undefined }[];
  onDone: () => void;
}

/** Ticks every second while the view is open, for the countdowns. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

interface EntryProps {
  entry: HistoryEntry;
  now: Date;
  token: string | undefined;
}

/** One recorded link: what, where, when it ends, and copy / test / QR / forget. */
function EntryRow({ entry, now, token }: EntryProps): JSX.Element {
  const [url, setUrl] = useState<{ url: string } | { problem: string } | undefined>(undefined);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    void recopyUrl(entry, token).then((found) => {
      if (live) setUrl(found);
    });
    return () => {
      live = false;
    };
  }, [entry, token]);

  const expired = isExpired(entry, now);
  const name = entry.key.slice(entry.key.lastIndexOf('/', entry.key.length - 2) + 1);
  const copy = async (): Promise<void> => {
    if (!url || !('url' in url)) return;
    try {
      await navigator.clipboard.writeText(url.url);
      setStatus('Copied');
    } catch {
      setStatus('Could not copy: open the QR code or sign the link again.');
    }
  };

  return (
    <li
      class={expired ? 'history-entry expired' : 'history-entry'}
      aria-label={`${entry.method} ${entry.key}`}
    >
      <div class="history-head">
        <strong title={`${entry.bucket}/${entry.key}`}>{name}</strong>
        <span class={expired ? 'countdown expired' : 'countdown'}>
          <time dateTime={entry.expiresAt} title={new Date(entry.expiresAt).toLocaleString()}>
            {formatCountdown(entry.expiresAt, now)}
          </time>
        </span>
      </div>
      <p class="hint">
        {entry.method === 'PUT' ? 'Upload' : 'Download'} · {entry.bucket}/{entry.key}
        {entry.versionId ? ` (version ${entry.versionId})` : ''} · “{entry.profileName}” ·{' '}
        {SOURCES[entry.source]},{' '}
        {new Date(entry.createdAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}
      </p>
      {url && 'problem' in url && <p class="warning">{url.problem}</p>}
      <div class="actions">
        <button type="button" disabled={expired || !url || !('url' in url)} onClick={() => void copy()}>
          Copy again
        </button>
        <button type="button" class="link" onClick={() => void forgetEntry(entry.id)}>
          Forget
        </button>
        <span role="status" class="copied">
          {status}
        </span>
      </div>
      {url && 'url' in url && (
        <LinkTools
          link={{
            url: url.url,
            method: entry.method,
            bucket: entry.bucket,
            key: entry.key,
            expiresAt: entry.expiresAt,
          }}
          noQr={expired}
        />
      )}
    </li>
  );
}

/** The links generated on this device, newest first, with a live countdown each. */
export function HistoryView({ profiles, onDone }: HistoryViewProps): JSX.Element {
  const history = useStored(historyItem);
  const settings = useStored(historySettingsItem);
  const now = useNow();
  const [shown, setShown] = useState(PAGE);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void pruneStoredHistory();
  }, []);
  if (history === undefined || settings === undefined) return <section aria-busy="true" />;

  const tokenOf = (id: string): string | undefined => profiles.find((p) => p.id === id)?.sessionToken;
  return (
    <section class="stack" aria-label="History">
      <div class="panel-head">
        <button type="button" class="link" onClick={onDone}>
          ← Back
        </button>
        <h2>History</h2>
      </div>
      <p class="hint">{NO_REVOKE}</p>
      {!settings.enabled && (
        <p class="notice">History is off: new links are not recorded. Turn it on in the settings page.</p>
      )}
      {history.length === 0 ? (
        <p class="hint">No links yet. Links you copy (popup, right-click menu, shortcut) appear here.</p>
      ) : (
        <>
          <ul class="history">
            {history.slice(0, shown).map((entry) => (
              <EntryRow key={entry.id} entry={entry} now={now} token={tokenOf(entry.profileId)} />
            ))}
          </ul>
          {history.length > shown && (
            <button type="button" class="link" onClick={() => setShown(shown + PAGE)}>
              Show {Math.min(PAGE, history.length - shown)} more of {history.length - shown}
            </button>
          )}
          <div class="actions">
            {confirming ? (
              <>
                <span>Forget all {history.length} links?</span>
                <button
                  type="button"
                  onClick={() => {
                    setConfirming(false);
                    void clearHistory();
                  }}
                >
                  Clear all
                </button>
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  Keep them
                </button>
              </>
            ) : (
              <button type="button" class="secondary" onClick={() => setConfirming(true)}>
                Clear all…
              </button>
            )}
          </div>
          <p class="hint">
            Up to 1,000 links are kept; expired ones go after {settings.keepExpiredDays}{' '}
            {settings.keepExpiredDays === 1 ? 'day' : 'days'}.
          </p>
        </>
      )}
    </section>
  );
}
