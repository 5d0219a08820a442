import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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

/** The key fields in order (read when the form renders, so the labels are in the browser's language). */
function keyFields(): {
  name: KeyField;
  label: string;
  type?: 'text' | 'password' | 'datetime-local';
  hint?: string;
}[] {
  return [
    { name: 'name', label: i18n.t('profileForm.name') },
    { name: 'accessKeyId', label: i18n.t('profileForm.keyId') },
    { name: 'secretAccessKey', label: i18n.t('profileForm.secret'), type: 'password' },
    { name: 'sessionToken', label: i18n.t('profileForm.token'), type: 'password' },
    { name: 'sessionExpiration', label: i18n.t('profileForm.expires'), type: 'datetime-local' },
    { name: 'defaultBucket', label: i18n.t('profileForm.bucket'), hint: i18n.t('profileForm.bucketHint') },
  ];
}

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
    <form
      class="stack"
      onSubmit={submit}
      noValidate
      aria-label={editing ? i18n.t('profileForm.edit') : i18n.t('profileForm.add')}
    >
      <div class="panel-head">
        <h2>
          {editing ? i18n.t('profileForm.editTitle', { name: editing.name }) : i18n.t('profileForm.add')}
        </h2>
        {!editing && (
          <button type="button" class="link" onClick={() => setImporting(true)}>
            {i18n.t('profileForm.import')}
          </button>
        )}
      </div>
      {saved.restored && (
        <p class="notice" role="status">
          {i18n.t('profileForm.restored')}{' '}
          <button type="button" class="link" onClick={saved.discard}>
            {i18n.t('profileForm.discard')}
          </button>
        </p>
      )}
      <PassphraseOffer />
      <Field name="provider" label={i18n.t('profileForm.store')} hint={store.hint}>
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
          {i18n.t('profileForm.pathStyle')}
        </label>
      )}
      {bucketInPath && (
        <p class="warning" role="status">
          {bucketInPath.message}
        </p>
      )}
      {keyFields().map((field) => (
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
      <p class="hint">{i18n.t('profileForm.leastPrivilege', { permissions: store.permissions })}</p>
      <ConnectionTest profile={candidate} />
      {asking && asking.length > 0 && (
        <p class="notice" role="status">
          {i18n.t('profileForm.asking', { hosts: asking.join(', ') })}
        </p>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <div class="actions">
        <button type="submit" disabled={asking !== undefined}>
          {asking ? i18n.t('profileForm.saving') : i18n.t('profileForm.save')}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={cancel}>
            {i18n.t('profileForm.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
