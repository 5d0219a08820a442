import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { DismissibleNotice } from '@/components/DismissibleNotice';
import { HistorySettings } from '@/components/HistorySettings';
import { useProfiles } from '@/components/hooks/use-profiles';
import { useStored } from '@/components/hooks/use-stored';
import { AboutSection } from '@/components/options/AboutSection';
import { DefaultsSection } from '@/components/options/DefaultsSection';
import { OptionsNav } from '@/components/options/OptionsNav';
import { ProfileForm } from '@/components/ProfileForm';
import { ProfilesView } from '@/components/ProfilesView';
import { SecuritySettings, StoredProblems } from '@/components/SecuritySettings';
import { SettingsTransfer } from '@/components/SettingsTransfer';
import { ShortcutList } from '@/components/ShortcutList';
import { Unlock } from '@/components/Unlock';
import { removeProfile, saveProfilesAsking } from '@/utils/adapters/profile-store';
import { preferencesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';

/**
 * The settings page: profiles (the popup's own components, with room), defaults, security, the shortcuts as
 * bound, and what the extension is allowed to do.
 */
export function App(): JSX.Element {
  // Locked, the page shows the Unlock screen: here profiles have their keys.
  const vault = useProfiles();
  const profiles = vault?.status === 'ready' ? vault.profiles : undefined;
  const preferences = useStored(preferencesItem);
  const [form, setForm] = useState<{ editing?: Profile } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  if (vault?.status === 'locked') {
    // Besides Unlock, what a damaged or downgraded vault's message points to: importing a vault file (with its
    // passphrase), and the list of stored values that need attention.
    return (
      <main class="stack">
        <h1>{i18n.t('options.title')}</h1>
        <Unlock profileNames={vault.profiles.map((profile) => profile.name)} problem={vault.error} />
        <div id="security" class="stack">
          <SettingsTransfer />
          <StoredProblems />
        </div>
      </main>
    );
  }
  if (profiles === undefined || preferences === undefined) return <main aria-busy="true" />;

  const save = async (saved: Profile[]): Promise<void> => {
    setNotice(await saveProfilesAsking(saved));
    setForm(undefined);
  };

  return (
    <main class="stack">
      <h1>{i18n.t('options.title')}</h1>
      <OptionsNav />
      {notice && <DismissibleNotice text={notice} onDismiss={() => setNotice(undefined)} />}
      <div id="profiles" class="stack">
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
      </div>
      <DefaultsSection preferences={preferences} profiles={profiles} />
      <div id="security" class="stack">
        <SecuritySettings />
        <HistorySettings />
      </div>
      <div id="shortcuts">
        <ShortcutList />
      </div>
      <AboutSection />
    </main>
  );
}
