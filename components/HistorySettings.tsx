import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
    setStatus(i18n.t('historySettings.cleared'));
  };

  return (
    <section class="stack" aria-label={i18n.t('historySettings.title')}>
      <h2>{i18n.t('historySettings.title')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(event) =>
            void historySettingsItem.setValue({ ...settings, enabled: event.currentTarget.checked })
          }
        />
        {i18n.t('historySettings.keep')}
      </label>
      <p class="hint">
        {settings.enabled ? i18n.t('historySettings.hintOn') : i18n.t('historySettings.hintOff')}
      </p>
      <Field
        name="keep-expired-days"
        label={i18n.t('historySettings.days')}
        hint={i18n.t('historySettings.daysHint')}
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
            <span>{i18n.t('historySettings.confirm', history.length, { n: history.length })}</span>
            <button type="button" onClick={() => void clear()}>
              {i18n.t('historySettings.clear')}
            </button>
            <button type="button" class="link" onClick={() => setConfirming(false)}>
              {i18n.t('historySettings.keepThem')}
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
            {i18n.t('historySettings.clearAll')}
          </button>
        )}
        <span role="status">{status}</span>
      </div>
      <p class="hint">{i18n.t('historySettings.noRevoke')}</p>
    </section>
  );
}
