import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { hostsNeedingAccess } from '@/utils/adapters/host-permission';
import { saveFailure } from '@/utils/adapters/profile-store';
import type { ProfileFormDraft } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';
import { bucketInEndpoint, EMPTY_DRAFT, type ProfileDraft, secretAsKeyId } from '@/utils/profile-draft';
import { buildProfile, type SetupErrors } from '@/utils/profile-setup';
import { PROVIDERS, type ProviderId, providerById, providerInputs } from '@/utils/providers';
import { ConnectionTest } from './ConnectionTest';
import { Field } from './Field';
import { useSavedDraft } from './hooks/use-saved-draft';
import { ImportPanel } from './ImportPanel';
import { PassphraseOffer } from './PassphraseOffer';
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

/** What the form starts from: a stored profile to edit, or an empty one with a fresh id. */
function startOf(editing: Profile | undefined): ProfileFormDraft {
  const start = editing ? providerInputs(editing) : { id: 'aws' as ProviderId, inputs: {} };
  return {
    form: editing?.id ?? 'new',
    id: editing?.id ?? crypto.randomUUID(),
    provider: start.id,
    inputs: start.inputs,
    draft: editing ? draftOf(editing) : EMPTY_DRAFT,
  };
}

/** The hosts of custom endpoints the browser will be asked about when these profiles are saved. */
function hostsToAsk(profiles: readonly Profile[]): string[] {
  return hostsNeedingAccess(profiles);
}

/**
 * Adds or edits a profile: the store (presets), the keys, a connection test; or imports several from a paste.
 * What is typed is kept in session storage until saved or cancelled: closing the popup loses nothing.
 */
export function ProfileForm({ onSave, onCancel, editing }: ProfileFormProps): JSX.Element {
  const [start] = useState(() => startOf(editing));
  const saved = useSavedDraft(start);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [asking, setAsking] = useState<string[] | undefined>(undefined);
  const [importing, setImporting] = useState(false);

  // No await before onSave: it asks the browser for host access, which only works inside the click itself.
  const save = async (profiles: Profile[]): Promise<void> => {
    setAsking(hostsToAsk(profiles));
    setSaveError(undefined);
    try {
      await onSave(profiles);
    } catch (error) {
      setSaveError(saveFailure(error, profiles.length));
    } finally {
      setAsking(undefined);
    }
  };

  if (importing)
    return (
      <ImportPanel
        onSave={save}
        onCancel={() => setImporting(false)}
        saving={asking !== undefined}
        error={saveError}
      />
    );
  const state = saved.value;
  // Session storage answers in a few milliseconds; the form is not shown before, so nothing typed is replaced.
  if (!state) return <div aria-busy="true" />;
  const { draft, provider, inputs, id } = state;
  const setField = <K extends keyof ProfileDraft>(field: K, value: ProfileDraft[K]): void =>
    saved.update((current) => ({ ...current, draft: { ...current.draft, [field]: value } }));

  const submit = (event: Event): void => {
    event.preventDefault();
    const result = buildProfile(draft, provider, inputs, id, new Date());
    setErrors(result.errors ?? {});
    if (result.profile) void save([result.profile]);
  };
  const cancel = (): void => {
    saved.discard();
    onCancel?.();
  };

  const candidate = buildProfile(draft, provider, inputs, id, new Date()).profile;
  const store = providerById(provider);
  // Only the generic store takes an endpoint as typed: a path in it may be a bucket pasted by mistake. Saving is
  // refused only when it is the default bucket (see validateDraft); otherwise this is a warning, as it shows.
  const bucketInPath =
    provider === 'custom' && !errors.endpoint
      ? bucketInEndpoint(inputs.endpoint ?? '', draft.defaultBucket)
      : undefined;
  // A key ID shaped like a secret may be one a MinIO admin chose: said, not refused, unless it is sure.
  const keyIdWarning = errors.accessKeyId
    ? undefined
    : secretAsKeyId(draft.accessKeyId, draft.secretAccessKey);
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
      {saved.restored && (
        <p class="notice" role="status">
          Restored what you typed earlier (not saved yet).{' '}
          <button type="button" class="link" onClick={saved.discard}>
            Discard
          </button>
        </p>
      )}
      <PassphraseOffer />
      <Field name="provider" label="Store" hint={store.hint}>
        {({ id: fieldId, describedBy }) => (
          <select
            id={fieldId}
            value={provider}
            aria-describedby={describedBy}
            onChange={(event) => {
              const next = event.currentTarget.value as ProviderId;
              saved.update((current) => ({ ...current, provider: next }));
            }}
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
        onInput={(field, value) =>
          saved.update((current) => ({ ...current, inputs: { ...current.inputs, [field]: value } }))
        }
      />
      {provider === 'custom' && (
        <label class="check">
          <input
            type="checkbox"
            checked={draft.forcePathStyle}
            onChange={(event) => setField('forcePathStyle', event.currentTarget.checked)}
          />
          Path-style addressing (bucket in the path; most S3-compatible stores need it)
        </label>
      )}
      {bucketInPath && (
        <p class="warning" role="status">
          {bucketInPath.message}
        </p>
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
              onInput={(event) => setField(field.name, event.currentTarget.value)}
            />
          )}
        </Field>
      ))}
      {keyIdWarning && !keyIdWarning.blocks && (
        <p class="warning" role="status">
          {keyIdWarning.message}
        </p>
      )}
      <p class="hint">Least privilege: {store.permissions}</p>
      <ConnectionTest profile={candidate} />
      {asking && asking.length > 0 && (
        <p class="notice" role="status">
          Saving. The browser asks whether this extension may reach {asking.join(', ')}: allow it so the popup
          can list buckets there. Links are signed either way.
        </p>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={asking !== undefined}>
          {asking ? 'Saving…' : 'Save profile'}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
