import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Profile } from '@/utils/profile';
import { type DraftErrors, EMPTY_DRAFT, type ProfileDraft, validateDraft } from '@/utils/profile-draft';
import { Field } from './Field';

interface ProfileFormProps {
  onSave: (profile: Profile) => Promise<void>;
  onCancel?: (() => void) | undefined;
  /** The profile being edited; a new one is added when absent. */
  editing?: Profile | undefined;
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

type TextField = Exclude<keyof ProfileDraft, 'forcePathStyle'>;

const FIELDS: {
  name: TextField;
  label: string;
  type?: 'text' | 'password' | 'datetime-local';
  hint?: string;
  autocomplete?: string;
}[] = [
  { name: 'name', label: 'Profile name' },
  { name: 'accessKeyId', label: 'Access key ID', autocomplete: 'off' },
  { name: 'secretAccessKey', label: 'Secret access key', type: 'password', autocomplete: 'off' },
  {
    name: 'sessionToken',
    label: 'Session token (temporary credentials only)',
    type: 'password',
    autocomplete: 'off',
  },
  { name: 'sessionExpiration', label: 'Session expires (optional)', type: 'datetime-local' },
  { name: 'region', label: 'Region', hint: 'us-east-1, eu-west-3… or “auto” for Cloudflare R2.' },
  {
    name: 'endpoint',
    label: 'Custom endpoint (S3-compatible stores only)',
    hint: 'e.g. https://minio.example.com:9000 — leave empty for AWS.',
  },
  {
    name: 'defaultBucket',
    label: 'Default bucket (optional)',
    hint: 'Opens first; needed when these keys may not list buckets.',
  },
];

/** Adds a profile: keys, region and, for S3-compatible stores, the endpoint. */
export function ProfileForm({ onSave, onCancel, editing }: ProfileFormProps): JSX.Element {
  const [draft, setDraft] = useState<ProfileDraft>(editing ? draftOf(editing) : EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveError, setSaveError] = useState<string | undefined>(undefined);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = validateDraft(draft, editing?.id ?? crypto.randomUUID(), new Date());
    setErrors(result.errors ?? {});
    if (!result.profile) return;
    try {
      await onSave(result.profile);
    } catch {
      setSaveError(
        'The profile could not be saved (browser storage refused it). Nothing was changed; try again.',
      );
    }
  };

  return (
    <form class="stack" onSubmit={submit} noValidate aria-label={editing ? 'Edit profile' : 'Add a profile'}>
      <h2>{editing ? `Edit “${editing.name}”` : 'Add a profile'}</h2>
      <p class="hint">Keys stay in this browser's extension storage and only sign links locally.</p>
      {FIELDS.map((field) => (
        <Field
          key={field.name}
          name={field.name}
          label={field.label}
          error={errors[field.name]}
          hint={field.hint}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              // Preact's input types are split by role; a union of plain text types is fine at run time.
              type={(field.type ?? 'text') as 'text'}
              autocomplete={field.autocomplete}
              spellcheck={false}
              value={draft[field.name]}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => setDraft({ ...draft, [field.name]: event.currentTarget.value })}
            />
          )}
        </Field>
      ))}
      <label class="check">
        <input
          type="checkbox"
          checked={draft.forcePathStyle}
          onChange={(event) => setDraft({ ...draft, forcePathStyle: event.currentTarget.checked })}
        />
        Path-style addressing (bucket in the path; most S3-compatible stores need it)
      </label>
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
