import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Profile } from '@/utils/profile';
import { EMPTY_DRAFT, type ProfileDraft } from '@/utils/profile-draft';
import { buildProfile, type SetupErrors } from '@/utils/profile-setup';
import {
  PROVIDERS,
  type ProviderId,
  type ProviderInputs,
  providerById,
  providerInputs,
} from '@/utils/providers';
import { ConnectionTest } from './ConnectionTest';
import { Field } from './Field';
import { ImportPanel } from './ImportPanel';
import { ProviderFields } from './ProviderFields';

interface ProfileFormProps {
  onSave: (profiles: Profile[]) => Promise<void>;
  onCancel?: (() => void) | undefined;
  /** The profile being edited; a new one is added when absent. */
  editing?: Profile | undefined;
}

type KeyField =
  | 'name'
  | 'accessKeyId'
  | 'secretAccessKey'
  | 'sessionToken'
  | 'sessionExpiration'
  | 'defaultBucket';

const FIELDS: {
  name: KeyField;
  label: string;
  type?: 'text' | 'password' | 'datetime-local';
  hint?: string;
}[] = [
  { name: 'name', label: 'Profile name' },
  { name: 'accessKeyId', label: 'Access key ID' },
  { name: 'secretAccessKey', label: 'Secret access key', type: 'password' },
  { name: 'sessionToken', label: 'Session token (temporary credentials only)', type: 'password' },
  { name: 'sessionExpiration', label: 'Session expires (optional)', type: 'datetime-local' },
  {
    name: 'defaultBucket',
    label: 'Default bucket (optional)',
    hint: 'Opens first; needed when these keys may not list buckets.',
  },
];

/** A time as a datetime-local input holds it (local, to the minute). */
function localInputTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The form's text for a stored profile, to edit it. */
export function draftOf(profile: Profile): ProfileDraft {
  return {
    name: profile.name,
    accessKeyId: profile.accessKeyId,
    secretAccessKey: profile.secretAccessKey,
    sessionToken: profile.sessionToken ?? '',
    sessionExpiration: profile.sessionExpiration ? localInputTime(new Date(profile.sessionExpiration)) : '',
    region: profile.region,
    endpoint: profile.endpoint ?? '',
    forcePathStyle: profile.forcePathStyle,
    defaultBucket: profile.defaultBucket ?? '',
  };
}

/** Adds or edits a profile: the store (presets), the keys, a connection test; or imports several from a paste. */
export function ProfileForm({ onSave, onCancel, editing }: ProfileFormProps): JSX.Element {
  const start = editing ? providerInputs(editing) : { id: 'aws' as ProviderId, inputs: {} };
  const [draft, setDraft] = useState<ProfileDraft>(editing ? draftOf(editing) : EMPTY_DRAFT);
  const [provider, setProvider] = useState<ProviderId>(start.id);
  const [inputs, setInputs] = useState<ProviderInputs>(start.inputs);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [id] = useState(() => editing?.id ?? crypto.randomUUID());

  const save = async (profiles: Profile[]): Promise<void> => {
    try {
      await onSave(profiles);
    } catch {
      setSaveError(
        'The profile could not be saved (browser storage refused it). Nothing was changed; try again.',
      );
    }
  };
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = buildProfile(draft, provider, inputs, id, new Date());
    setErrors(result.errors ?? {});
    if (result.profile) await save([result.profile]);
  };

  if (importing) return <ImportPanel onSave={save} onCancel={() => setImporting(false)} />;
  const candidate = buildProfile(draft, provider, inputs, id, new Date()).profile;
  const store = providerById(provider);
  return (
    <form class="stack" onSubmit={submit} noValidate aria-label={editing ? 'Edit profile' : 'Add a profile'}>
      <div class="panel-head">
        <h2>{editing ? `Edit “${editing.name}”` : 'Add a profile'}</h2>
        {!editing && (
          <button type="button" class="link" onClick={() => setImporting(true)}>
            Import from AWS CLI…
          </button>
        )}
      </div>
      <p class="hint">Keys stay in this browser's extension storage and only sign links locally.</p>
      <Field name="provider" label="Store" hint={store.hint}>
        {({ id: fieldId, describedBy }) => (
          <select
            id={fieldId}
            value={provider}
            aria-describedby={describedBy}
            onChange={(event) => setProvider(event.currentTarget.value as ProviderId)}
          >
            {PROVIDERS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ProviderFields
        provider={provider}
        inputs={inputs}
        errors={errors}
        onInput={(field, value) => setInputs({ ...inputs, [field]: value })}
      />
      {provider === 'custom' && (
        <label class="check">
          <input
            type="checkbox"
            checked={draft.forcePathStyle}
            onChange={(event) => setDraft({ ...draft, forcePathStyle: event.currentTarget.checked })}
          />
          Path-style addressing (bucket in the path; most S3-compatible stores need it)
        </label>
      )}
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          name={field.name}
          label={field.label}
          error={errors[field.name]}
          hint={field.hint}
        >
          {({ id: fieldId, describedBy, invalid }) => (
            <input
              id={fieldId}
              // Preact's input types are split by role; a union of plain text types is fine at run time.
              type={(field.type ?? 'text') as 'text'}
              autocomplete="off"
              spellcheck={false}
              value={draft[field.name]}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => setDraft({ ...draft, [field.name]: event.currentTarget.value })}
            />
          )}
        </Field>
      ))}
      <p class="hint">Least privilege: {store.permissions}</p>
      <ConnectionTest profile={candidate} />
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div class="actions">
        <button type="submit">Save profile</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
