import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
          ? i18n.t('profilesView.removeFailed', { name: profile.name, reason: caught.message })
          : i18n.t('profilesView.removeRefused', { name: profile.name }),
      );
    }
  };
  return (
    <section class="stack" aria-label={i18n.t('profilesView.title')}>
      <div class="panel-head">
        {onDone && (
          <button type="button" class="link" onClick={onDone}>
            {i18n.t('profilesView.back')}
          </button>
        )}
        <h2>{i18n.t('profilesView.title')}</h2>
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
              {!profile.secretAccessKey && <p class="warning">{i18n.t('profilesView.noSecret')}</p>}
            </div>
            <div class="actions">
              <button type="button" class="secondary" onClick={() => onEdit(profile)}>
                {i18n.t('profilesView.edit')}
              </button>
              {confirming === profile.id ? (
                <>
                  <button type="button" onClick={() => void remove(profile)}>
                    {i18n.t('profilesView.removeConfirm', { name: profile.name })}
                  </button>
                  <button type="button" class="link" onClick={() => setConfirming(undefined)}>
                    {i18n.t('profilesView.keep')}
                  </button>
                </>
              ) : (
                <button type="button" class="secondary" onClick={() => setConfirming(profile.id)}>
                  {i18n.t('profilesView.remove')}
                </button>
              )}
            </div>
            <ConnectionTest profile={profile} />
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" onClick={onAdd}>
          {i18n.t('profilesView.add')}
        </button>
      </div>
    </section>
  );
}
