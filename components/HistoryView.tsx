import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { clearHistory, forgetEntry, pruneStoredHistory } from '@/utils/adapters/history-store';
import { type HistoryEntry, historyItem, historySettingsItem } from '@/utils/adapters/storage';
import {
  clockOffsetOf,
  formatCountdown,
  isExpired,
  type Recopy,
  recopyUrl,
  type SigningProfileNow,
} from '@/utils/history';
import { useStored } from './hooks/use-stored';
import { LinkTools } from './LinkTools';

/** Entries shown at first; more on request (the history holds up to 1,000). */
const PAGE = 50;

/** Where a link was made, in words (read when shown: messages are not read at module load). */
function sourceText(source: HistoryEntry['source']): string {
  switch (source) {
    case 'popup':
      return i18n.t('historyView.srcPopup');
    case 'menu':
      return i18n.t('historyView.srcMenu');
    case 'shortcut':
      return i18n.t('historyView.srcShortcut');
    case 'bulk':
      return i18n.t('historyView.srcBulk');
    case 'upload':
      return i18n.t('historyView.srcUpload');
  }
}

/** What, where, who and when: the line under an entry's name. */
function entryText(entry: HistoryEntry): string {
  const parts = {
    kind: entry.method === 'PUT' ? i18n.t('historyView.upload') : i18n.t('historyView.download'),
    path: `${entry.bucket}/${entry.key}`,
    profile: entry.profileName,
    source: sourceText(entry.source),
    date: new Date(entry.createdAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }),
  };
  return entry.versionId
    ? i18n.t('historyView.entryVersion', { ...parts, version: entry.versionId })
    : i18n.t('historyView.entry', parts);
}

interface HistoryViewProps {
  /**
   * The profiles as the popup has them: a link signed with temporary credentials needs its current token, and
   * one whose profile is gone or holds another access key now probably stopped working.
   */
  profiles: readonly ({ id: string } & SigningProfileNow)[];
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
  profile: SigningProfileNow | undefined;
}

/** One recorded link: what, where, when it ends, and copy / test / QR / forget. */
function EntryRow({ entry, now, profile }: EntryProps): JSX.Element {
  const [url, setUrl] = useState<Recopy | undefined>(undefined);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    void recopyUrl(entry, profile).then((found) => {
      if (live) setUrl(found);
    });
    return () => {
      live = false;
    };
  }, [entry, profile]);

  const expired = isExpired(entry, now);
  // Signed with the corrected time: shown on this computer's clock, as everything else here.
  const offset = clockOffsetOf(entry);
  const expiresLocal = new Date(Date.parse(entry.expiresAt) - offset);
  const name = entry.key.slice(entry.key.lastIndexOf('/', entry.key.length - 2) + 1);
  const copy = async (): Promise<void> => {
    if (!url || !('url' in url)) return;
    try {
      await navigator.clipboard.writeText(url.url);
      setStatus(i18n.t('historyView.copied'));
    } catch {
      setStatus(i18n.t('historyView.copyFailed'));
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
          <time dateTime={entry.expiresAt} title={expiresLocal.toLocaleString()}>
            {formatCountdown(entry.expiresAt, now, offset)}
          </time>
        </span>
      </div>
      <p class="hint">{entryText(entry)}</p>
      {url && 'problem' in url && <p class="warning">{url.problem}</p>}
      {url && 'warning' in url && <p class="warning">{url.warning}</p>}
      <div class="actions">
        <button type="button" disabled={expired || !url || !('url' in url)} onClick={() => void copy()}>
          {i18n.t('historyView.copyAgain')}
        </button>
        <button type="button" class="link" onClick={() => void forgetEntry(entry.id)}>
          {i18n.t('historyView.forget')}
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
            expiresAt: Number.isNaN(expiresLocal.getTime()) ? entry.expiresAt : expiresLocal.toISOString(),
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

  const profileOf = (id: string): SigningProfileNow | undefined => profiles.find((p) => p.id === id);
  return (
    <section class="stack" aria-label={i18n.t('historyView.title')}>
      <div class="panel-head">
        <button type="button" class="link" onClick={onDone}>
          {i18n.t('historyView.back')}
        </button>
        <h2>{i18n.t('historyView.title')}</h2>
      </div>
      <p class="hint">{i18n.t('historyView.noRevoke')}</p>
      {!settings.enabled && <p class="notice">{i18n.t('historyView.isOff')}</p>}
      {history.length === 0 ? (
        <p class="hint">{i18n.t('historyView.empty')}</p>
      ) : (
        <>
          <ul class="history">
            {history.slice(0, shown).map((entry) => (
              <EntryRow key={entry.id} entry={entry} now={now} profile={profileOf(entry.profileId)} />
            ))}
          </ul>
          {history.length > shown && (
            <button type="button" class="link" onClick={() => setShown(shown + PAGE)}>
              {i18n.t('historyView.more', {
                n: Math.min(PAGE, history.length - shown),
                left: history.length - shown,
              })}
            </button>
          )}
          <div class="actions">
            {confirming ? (
              <>
                <span>{i18n.t('historyView.confirm', { n: history.length })}</span>
                <button
                  type="button"
                  onClick={() => {
                    setConfirming(false);
                    void clearHistory();
                  }}
                >
                  {i18n.t('historyView.clearAll')}
                </button>
                <button type="button" class="link" onClick={() => setConfirming(false)}>
                  {i18n.t('historyView.keepThem')}
                </button>
              </>
            ) : (
              <button type="button" class="secondary" onClick={() => setConfirming(true)}>
                {i18n.t('historyView.clearAllAsk')}
              </button>
            )}
          </div>
          <p class="hint">
            {i18n.t('historyView.kept', settings.keepExpiredDays, { n: settings.keepExpiredDays })}
          </p>
        </>
      )}
    </section>
  );
}
