import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ProfileForm } from '@/components/ProfileForm';
import { SignForm } from '@/components/SignForm';
import { preferencesItem, profilesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';

/** The popup: set up a profile the first time, then sign links. */
export function App(): JSX.Element {
  const [profiles, setProfiles] = useState<Profile[] | undefined>(undefined);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void profilesItem.getValue().then(setProfiles);
    return profilesItem.watch(setProfiles);
  }, []);

  const save = async (profile: Profile): Promise<void> => {
    await profilesItem.setValue([...(profiles ?? []), profile]);
    await preferencesItem.setValue({ ...(await preferencesItem.getValue()), lastProfileId: profile.id });
    setAdding(false);
  };

  if (profiles === undefined) return <main aria-busy="true" />;
  return (
    <main>
      <header>
        <h1>S3 Presign</h1>
        {profiles.length > 0 && !adding && (
          <button type="button" class="link" onClick={() => setAdding(true)}>
            Add profile
          </button>
        )}
      </header>
      {profiles.length === 0 || adding ? (
        <ProfileForm onSave={save} onCancel={profiles.length > 0 ? () => setAdding(false) : undefined} />
      ) : (
        <SignForm profiles={profiles} />
      )}
    </main>
  );
}
