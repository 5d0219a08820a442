import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { importSummary, previewImport } from '@/utils/import-credentials';
import type { Profile } from '@/utils/profile';
import { describeProfile } from '@/utils/profile';

interface ImportPanelProps {
  /** Call it first thing in the click: it asks the browser for host access, which needs the click. */
  onSave: (profiles: Profile[]) => Promise<void>;
  onCancel: () => void;
  /** A save is under way (the browser may be asking for host access). */
  saving?: boolean;
  /** Why the last save failed, and what was stored. */
  error?: string | undefined;
}

/** Paste ~/.aws/credentials, ~/.aws/config or `aws configure export-credentials` output; preview; save the ready ones. */
export function ImportPanel({ onSave, onCancel, saving = false, error }: ImportPanelProps): JSX.Element {
  const [text, setText] = useState('');
  const preview = text.trim() ? previewImport(text, new Date(), () => crypto.randomUUID()) : undefined;
  const ready = preview?.entries.flatMap((entry) => (entry.profile ? [entry.profile] : [])) ?? [];

  return (
    <section class="stack" aria-label="Import profiles">
      <div class="panel-head">
        <button type="button" class="link" onClick={onCancel}>
          ← Back
        </button>
        <h2>Import profiles</h2>
      </div>
      <label for="import-text">
        Paste ~/.aws/credentials, ~/.aws/config, or what <code>aws configure export-credentials</code> prints
      </label>
      <textarea
        id="import-text"
        rows={7}
        spellcheck={false}
        autocomplete="off"
        value={text}
        placeholder={'[work]\naws_access_key_id = AKIA…\naws_secret_access_key = …\nregion = eu-west-3'}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      {preview && (
        <section class="stack" aria-label="Preview">
          <p>
            <strong>{importSummary(preview)}</strong>
          </p>
          <ul class="import-preview">
            {preview.entries.map((entry) => (
              <li key={`${entry.section}:${entry.line}`} class={entry.profile ? 'ready' : 'needs-fixing'}>
                <strong>{entry.section}</strong>{' '}
                {entry.profile ? (
                  <span class="hint">{describeProfile(entry.profile)}</span>
                ) : (
                  <span class="error">{Object.values(entry.errors).join(' ')}</span>
                )}
              </li>
            ))}
          </ul>
          {preview.problems.map((problem) => (
            <p key={`${problem.line}:${problem.message}`} class="warning">
              {problem.line ? `Line ${problem.line}: ` : ''}
              {problem.message}
            </p>
          ))}
        </section>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" disabled={ready.length === 0 || saving} onClick={() => void onSave(ready)}>
          {saving ? 'Saving…' : ready.length > 1 ? `Save ${ready.length} profiles` : 'Save profile'}
        </button>
      </div>
    </section>
  );
}
