import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Profile } from '@/utils/profile';
import { type DraftErrors, EMPTY_DRAFT, type ProfileDraft, validateDraft } from '@/utils/profile-draft';
import { Field } from './Field';

interface ProfileFormProps {
  onSave: (profile: Profile) => Promise<void>;
  onCancel?: (() => void) | undefined;
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
];

/** Adds a profile: keys, region and, for S3-compatible stores, the endpoint. */
export function ProfileForm({ onSave, onCancel }: ProfileFormProps): JSX.Element {
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveError, setSaveError] = useState<string | undefined>(undefined);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const result = validateDraft(draft, crypto.randomUUID(), new Date());
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
    <form class="stack" onSubmit={submit} noValidate aria-label="Add a profile">
      <h2>Add a profile</h2>
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
