import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { isPresignError } from '@/utils/errors';
import { describeProfile, type Profile } from '@/utils/profile';
import { ConnectionTest } from './ConnectionTest';

interface ProfilesViewProps {
  profiles: readonly Profile[];
  onEdit: (profile: Profile) => void;
  onRemove: (profile: Profile) => Promise<void>;
  onAdd: () => void;
  /** Back to browsing (the popup); the settings page has nowhere to go back to. */
  onDone?: () => void;
}

/** Every profile with Test connection, Edit and Remove (confirmed). */
export function ProfilesView({ profiles, onEdit, onRemove, onAdd, onDone }: ProfilesViewProps): JSX.Element {
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  // Shown above the list, not in the profile's row: a removal that failed half-way may have taken the row.
  const [removeError, setRemoveError] = useState<string | undefined>(undefined);

  const remove = async (profile: Profile): Promise<void> => {
    setRemoveError(undefined);
    try {
      await onRemove(profile);
      setConfirming(undefined);
    } catch (caught) {
      // Only our own messages are shown: anything else could carry anything, keys included.
      setRemoveError(
        isPresignError(caught)
          ? `Could not remove “${profile.name}”: ${caught.message}`
          : `Could not remove “${profile.name}”: the browser did not save the change. Try again; if it keeps failing, reload S3 Presign on the browser’s extensions page.`,
      );
    }
  };
  return (
    <section class="stack" aria-label="Profiles">
      <div class="panel-head">
        {onDone && (
          <button type="button" class="link" onClick={onDone}>
            ← Back
          </button>
        )}
        <h2>Profiles</h2>
      </div>
      {removeError && (
        <p class="error" role="alert">
          {removeError}
        </p>
      )}
      <ul class="profiles">
        {profiles.map((profile) => (
          <li key={profile.id} class="stack">
            <div>
              <strong>{profile.name}</strong>
              <p class="hint">{describeProfile(profile)}</p>
              {!profile.secretAccessKey && (
                <p class="warning">
                  No secret key stored (reset?): Edit this profile and enter its keys again.
                </p>
              )}
            </div>
            <div class="actions">
              <button type="button" class="secondary" onClick={() => onEdit(profile)}>
                Edit
              </button>
              {confirming === profile.id ? (
                <>
                  <button type="button" onClick={() => void remove(profile)}>
                    Remove “{profile.name}” and its keys
                  </button>
                  <button type="button" class="link" onClick={() => setConfirming(undefined)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" class="secondary" onClick={() => setConfirming(profile.id)}>
                  Remove
                </button>
              )}
            </div>
            <ConnectionTest profile={profile} />
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={onAdd}>
          Add profile
        </button>
      </div>
    </section>
  );
}
