import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { clearHistory } from '@/utils/adapters/history-store';
import { historyItem, historySettingsItem } from '@/utils/adapters/storage';
import { parseKeepDays } from '@/utils/history';
import { Field } from './Field';
import { useStored } from './hooks/use-stored';

/** The history's settings: record links or not, how long expired links stay, and clearing it all. */
export function HistorySettings(): JSX.Element {
  const settings = useStored(historySettingsItem);
  const history = useStored(historyItem);
  const [daysText, setDaysText] = useState<string | undefined>(undefined);
  const [daysError, setDaysError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  if (settings === undefined || history === undefined) return <section aria-busy="true" />;

  const typed = (text: string): void => {
    setDaysText(text);
    const parsed = parseKeepDays(text);
    if (typeof parsed === 'string') {
      setDaysError(parsed);
      return;
    }
    setDaysError(undefined);
    void historySettingsItem.setValue({ ...settings, keepExpiredDays: parsed });
  };
  const clear = async (): Promise<void> => {
    await clearHistory();
    setConfirming(false);
    setStatus('History cleared.');
  };

  return (
    <section class="stack" aria-label="Link history">
      <h2>Link history</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(event) =>
            void historySettingsItem.setValue({ ...settings, enabled: event.currentTarget.checked })
          }
        />
        Keep a history of the links I generate (on this device only)
      </label>
      <p class="hint">
        {settings.enabled
          ? 'The history keeps each link’s bucket, key, method, profile and expiry, and the link itself so it can be copied again — never a session token. At most 1,000 links are kept.'
          : 'New links are not recorded. Links already in the history stay until they are pruned or cleared.'}
      </p>
      <Field
        name="keep-expired-days"
        label="Keep expired links for (days)"
        hint="0 removes a link from the history as soon as it expires."
        error={daysError}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="text"
            inputMode="numeric"
            size={4}
            value={daysText ?? String(settings.keepExpiredDays)}
            aria-describedby={describedBy}
            aria-invalid={daysError !== undefined}
            onInput={(event) => typed(event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="actions">
        {confirming ? (
          <>
            <span>
              Remove all {history.length} {history.length === 1 ? 'link' : 'links'} from the history?
            </span>
            <button type="button" onClick={() => void clear()}>
              Clear history
            </button>
            <button type="button" class="link" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </>
        ) : (
          <button
            type="button"
            disabled={history.length === 0}
            onClick={() => {
              setStatus('');
              setConfirming(true);
            }}
          >
            Clear all history…
          </button>
        )}
        <span role="status">{status}</span>
      </div>
      <p class="hint">
        Clearing the history does not revoke any link: a link works until it expires, unless the key that
        signed it is rotated or removed.
      </p>
    </section>
  );
}
