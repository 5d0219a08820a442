import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { exportSettings, exportVaultFile, importSettings } from '@/utils/adapters/settings-transfer';
import { vaultErrorText } from './vault-error';

/** Hands a text to the browser as a file download. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the settings (no keys) or a vault file (keys sealed under a passphrase); import either. */
export function SettingsTransfer(): JSX.Element {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const attempt = async (doing: string, run: () => Promise<string>): Promise<void> => {
    setMessage(undefined);
    try {
      setMessage({ error: false, text: await run() });
    } catch (caught) {
      setMessage({ error: true, text: vaultErrorText(caught, doing) });
    }
  };
  const day = (): string => new Date().toISOString().slice(0, 10);
  return (
    <section class="stack" aria-label={i18n.t('settingsTransfer.title')}>
      <h3>{i18n.t('settingsTransfer.title')}</h3>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void attempt(i18n.t('settingsTransfer.doingExport'), async () => {
              download(`s3-presign-settings-${day()}.json`, await exportSettings());
              return i18n.t('settingsTransfer.exported');
            })
          }
        >
          {i18n.t('settingsTransfer.exportSettings')}
        </button>
      </div>
      <div class="field">
        <label for="transfer-passphrase">{i18n.t('settingsTransfer.passphrase')}</label>
        <input
          id="transfer-passphrase"
          type="password"
          autocomplete="off"
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
        <p class="hint">{i18n.t('settingsTransfer.passphraseHint')}</p>
      </div>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={passphrase === ''}
          onClick={() =>
            void attempt(i18n.t('settingsTransfer.doingVault'), async () => {
              download(`s3-presign-vault-${day()}.json`, await exportVaultFile(passphrase));
              return i18n.t('settingsTransfer.vaultExported');
            })
          }
        >
          {i18n.t('settingsTransfer.exportVault')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{i18n.t('settingsTransfer.file')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => setFile(event.currentTarget.files?.[0])}
        />
      </div>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={!file}
          onClick={() =>
            void attempt(i18n.t('settingsTransfer.doingImport'), async () => {
              const done = await importSettings(await (file as File).text(), passphrase || undefined);
              return done.keys
                ? i18n.t('settingsTransfer.importedKeys', { n: done.profiles, keys: done.keys })
                : i18n.t('settingsTransfer.importedNoKeys', { n: done.profiles });
            })
          }
        >
          {i18n.t('settingsTransfer.import')}
        </button>
      </div>
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
