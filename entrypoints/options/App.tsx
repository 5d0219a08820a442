import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { DismissibleNotice } from '@/components/DismissibleNotice';
import { ExpiryPicker } from '@/components/ExpiryPicker';
import { useProfiles } from '@/components/hooks/use-profiles';
import { useStored } from '@/components/hooks/use-stored';
import { ProfileForm } from '@/components/ProfileForm';
import { ProfilesView } from '@/components/ProfilesView';
import { SecuritySettings } from '@/components/SecuritySettings';
import { ShortcutList } from '@/components/ShortcutList';
import { VaultGate } from '@/components/VaultGate';
import { removeProfile, saveProfilesAsking } from '@/utils/adapters/profile-store';
import { preferencesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';

/** The settings page: the same profile setup as the popup, with room, and the default expiry. */
export function App(): JSX.Element {
  // Locked, the page shows the Unlock screen (components/VaultGate.tsx): here profiles have their keys.
  const vault = useProfiles();
  const profiles = vault?.status === 'ready' ? vault.profiles : undefined;
  const preferences = useStored(preferencesItem);
  const [form, setForm] = useState<{ editing?: Profile } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  if (vault?.status === 'locked') return <VaultGate />;
  if (profiles === undefined || preferences === undefined) return <main aria-busy="true" />;

  const save = async (saved: Profile[]): Promise<void> => {
    setNotice(await saveProfilesAsking(saved));
    setForm(undefined);
  };

  return (
    <main class="stack">
      <h1>S3 Presign settings</h1>
      {notice && <DismissibleNotice text={notice} onDismiss={() => setNotice(undefined)} />}
      {form || profiles.length === 0 ? (
        <ProfileForm
          key={form?.editing?.id ?? 'new'}
          editing={form?.editing}
          onSave={save}
          onCancel={profiles.length > 0 ? () => setForm(undefined) : undefined}
        />
      ) : (
        <ProfilesView
          profiles={profiles}
          onEdit={(profile) => setForm({ editing: profile })}
          onRemove={(profile) => removeProfile(profile.id)}
          onAdd={() => setForm({})}
        />
      )}
      <section class="stack" aria-label="Defaults">
        <h2>Defaults</h2>
        <ExpiryPicker
          value={preferences.defaultExpiresIn}
          defaultValue={preferences.defaultExpiresIn}
          onChange={(seconds) => void preferencesItem.setValue({ ...preferences, defaultExpiresIn: seconds })}
        />
        <p class="hint">Used by the right-click menu, the shortcut and the popup’s one-click Copy.</p>
      </section>
      <SecuritySettings />
      <ShortcutList />
    </main>
  );
}
