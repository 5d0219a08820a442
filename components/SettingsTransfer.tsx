import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
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
    <section class="stack" aria-label="Export and import">
      <h3>Export and import</h3>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void attempt('export the settings', async () => {
              download(`s3-presign-settings-${day()}.json`, await exportSettings());
              return 'Settings exported, without any secret key or session token.';
            })
          }
        >
          Export settings (no keys)
        </button>
      </div>
      <div class="field">
        <label for="transfer-passphrase">Passphrase for a vault file</label>
        <input
          id="transfer-passphrase"
          type="password"
          autocomplete="off"
          value={passphrase}
          onInput={(event) => setPassphrase(event.currentTarget.value)}
        />
        <p class="hint">
          A vault file holds the keys too, encrypted with this passphrase (your vault passphrase when one is
          set). Importing it needs the same passphrase.
        </p>
      </div>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={passphrase === ''}
          onClick={() =>
            void attempt('export the vault file', async () => {
              download(`s3-presign-vault-${day()}.json`, await exportVaultFile(passphrase));
              return 'Vault file exported: the keys in it are encrypted with the passphrase.';
            })
          }
        >
          Export vault file (keys encrypted)
        </button>
      </div>
      <div class="field">
        <label for="import-file">Settings or vault file to import</label>
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
            void attempt('import the file', async () => {
              const done = await importSettings(await (file as File).text(), passphrase || undefined);
              return `Imported ${done.profiles} profile(s)${done.keys ? ` with the keys of ${done.keys}` : ', without keys (enter them, or import a vault file)'}.`;
            })
          }
        >
          Import
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
