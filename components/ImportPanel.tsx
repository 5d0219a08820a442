import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  type ImportEntry,
  importSummary,
  type PreviewEntry,
  previewImport,
} from '@/utils/import-credentials';
import type { Profile } from '@/utils/profile';
import { describeProfile } from '@/utils/profile';
import { bucketInEndpoint, secretAsKeyId } from '@/utils/profile-draft';
import { aroundElement } from './around-element';
import { useProfiles } from './hooks/use-profiles';

interface ImportPanelProps {
  /** Call it first thing in the click: it asks the browser for host access, which needs the click. */
  onSave: (profiles: Profile[]) => Promise<void>;
  onCancel: () => void;
  /** A save is under way (the browser may be asking for host access). */
  saving?: boolean;
  /** Why the last save failed, and what was stored. */
  error?: string | undefined;
}

/** What the preview says of an import that updates a stored profile. */
function replacesText(entry: PreviewEntry): string {
  const replaces = entry.replaces;
  if (!replaces) return '';
  return replaces.by === 'name'
    ? i18n.t('importPanel.replacesName', { name: replaces.name })
    : i18n.t('importPanel.replacesKey', { name: replaces.name });
}

/** What the form would point out without refusing it: a bucket-like endpoint path, a secret-like key ID. */
function profileWarnings(profile: Profile): string[] {
  const bucket = profile.endpoint
    ? bucketInEndpoint(profile.endpoint, profile.defaultBucket ?? '')
    : undefined;
  const keyId = secretAsKeyId(profile.accessKeyId, profile.secretAccessKey);
  return [bucket?.message, keyId?.message].filter((message) => message !== undefined);
}

/** Paste ~/.aws/credentials, ~/.aws/config or `aws configure export-credentials` output; preview; save the ready ones. */
export function ImportPanel({ onSave, onCancel, saving = false, error }: ImportPanelProps): JSX.Element {
  const [text, setText] = useState('');
  // Stored profiles: an import with the name (or key ID) of one updates it rather than adding a second.
  const stored = useProfiles();
  const existing = stored?.status === 'ready' ? stored.profiles : undefined;
  // One id per pasted profile for the panel's life: a render (each keystroke) or a second Save after a failed
  // one must not turn the same profile into a new one.
  const ids = useRef(new Map<string, string>());
  const idOf = (entry: ImportEntry): string => {
    const known = ids.current.get(entry.section);
    if (known) return known;
    const id = crypto.randomUUID();
    ids.current.set(entry.section, id);
    return id;
  };
  const preview = text.trim() && existing ? previewImport(text, new Date(), idOf, existing) : undefined;
  const ready = preview?.entries.flatMap((entry) => (entry.profile ? [entry.profile] : [])) ?? [];

  const [pasteBefore, pasteAfter] = aroundElement((command) => i18n.t('importPanel.paste', { command }));
  return (
    <section class="stack" aria-label={i18n.t('importPanel.label')}>
      <div class="panel-head">
        <button type="button" class="link" onClick={onCancel}>
          {i18n.t('importPanel.back')}
        </button>
        <h2>{i18n.t('importPanel.label')}</h2>
      </div>
      <label for="import-text">
        {pasteBefore}
        <code>aws configure export-credentials</code>
        {pasteAfter}
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
        <section class="stack" aria-label={i18n.t('importPanel.preview')}>
          <p>
            <strong>{importSummary(preview)}</strong>
          </p>
          <ul class="import-preview">
            {preview.entries.map((entry) => (
              <li key={`${entry.section}:${entry.line}`} class={entry.profile ? 'ready' : 'needs-fixing'}>
                <strong>{entry.section}</strong> {entry.replaces && <span>{replacesText(entry)} </span>}
                {entry.renamed && <span class="warning">{entry.renamed.message} </span>}
                {entry.profile ? (
                  <span class="hint">{describeProfile(entry.profile)}</span>
                ) : (
                  <span class="error">{Object.values(entry.errors).join(' ')}</span>
                )}
                {entry.profile &&
                  profileWarnings(entry.profile).map((warning) => (
                    <span key={warning} class="warning">
                      {' '}
                      {warning}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
          {preview.problems.map((problem) => (
            <p key={`${problem.line}:${problem.message}`} class="warning">
              {problem.line
                ? i18n.t('importPanel.line', { n: problem.line, problem: problem.message })
                : problem.message}
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
          {saving
            ? i18n.t('importPanel.saving')
            : ready.length > 1
              ? i18n.t('importPanel.saveMany', { n: ready.length })
              : i18n.t('importPanel.save')}
        </button>
      </div>
    </section>
  );
}
