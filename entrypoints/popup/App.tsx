import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Browser } from '@/components/Browser';
import { DismissibleNotice } from '@/components/DismissibleNotice';
import { useProfiles } from '@/components/hooks/use-profiles';
import { useStored } from '@/components/hooks/use-stored';
import { LockButton } from '@/components/LockButton';
import { lazy } from '@/components/lazy';
import { ProfileSwitcher } from '@/components/ProfileSwitcher';
import { removeProfile, saveProfilesAsking } from '@/utils/adapters/profile-store';
import { bucketRegionsItem, preferencesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';

const ProfileForm = lazy(() => import('@/components/ProfileForm').then((m) => m.ProfileForm));
const ProfilesView = lazy(() => import('@/components/ProfilesView').then((m) => m.ProfilesView));
const SignForm = lazy(() => import('@/components/SignForm').then((m) => m.SignForm));
const HistoryView = lazy(() => import('@/components/HistoryView').then((m) => m.HistoryView));

type View =
  | { kind: 'browse' }
  | { kind: 'paste' }
  | { kind: 'profiles' }
  | { kind: 'history' }
  | { kind: 'profile-form'; editing?: Profile };

/** The popup: set up a profile the first time, then browse buckets and sign links (or sign a pasted link). */
export function App(): JSX.Element {
  // Locked, the popup shows the Unlock screen instead (components/VaultGate.tsx): here profiles have their keys.
  const vault = useProfiles();
  const profiles = vault?.status === 'ready' ? vault.profiles : undefined;
  const preferences = useStored(preferencesItem);
  const regions = useStored(bucketRegionsItem);
  const [view, setView] = useState<View>({ kind: 'browse' });
  const [notice, setNotice] = useState<string | undefined>(undefined);

  if (profiles === undefined || preferences === undefined || regions === undefined)
    return <main aria-busy="true" />;
  const current = profiles.find((profile) => profile.id === preferences.lastProfileId) ?? profiles[0];

  const switchTo = (id: string): void => {
    void preferencesItem.setValue({ ...preferences, lastProfileId: id });
    setView({ kind: 'browse' });
  };
  const save = async (saved: Profile[]): Promise<void> => {
    setNotice(await saveProfilesAsking(saved));
    setView({ kind: 'browse' });
  };

  const showForm = !current || view.kind === 'profile-form';
  return (
    <main>
      <header>
        <h1>{i18n.t('extName')}</h1>
        {vault?.status === 'ready' && vault.encrypted && <LockButton />}
        {current && !showForm && (
          <div class="header-tools">
            <ProfileSwitcher profiles={profiles} current={current} onSwitch={switchTo} />
            <button
              type="button"
              class="link"
              onClick={() => setView({ kind: view.kind === 'profiles' ? 'browse' : 'profiles' })}
            >
              {i18n.t('popup.profiles')}
            </button>
            <button
              type="button"
              class="link"
              onClick={() => setView({ kind: view.kind === 'paste' ? 'browse' : 'paste' })}
            >
              {view.kind === 'paste' ? i18n.t('popup.browse') : i18n.t('popup.paste')}
            </button>
            <button
              type="button"
              class="link"
              aria-pressed={view.kind === 'history'}
              onClick={() => setView({ kind: view.kind === 'history' ? 'browse' : 'history' })}
            >
              {i18n.t('popup.history')}
            </button>
          </div>
        )}
      </header>
      {notice && <DismissibleNotice text={notice} onDismiss={() => setNotice(undefined)} />}
      {showForm ? (
        <ProfileForm
          key={view.kind === 'profile-form' ? (view.editing?.id ?? 'new') : 'first'}
          editing={view.kind === 'profile-form' ? view.editing : undefined}
          onSave={save}
          onCancel={current ? () => setView({ kind: 'browse' }) : undefined}
        />
      ) : view.kind === 'history' ? (
        <HistoryView profiles={profiles} onDone={() => setView({ kind: 'browse' })} />
      ) : view.kind === 'paste' ? (
        <SignForm profiles={profiles} defaultExpiresIn={preferences.defaultExpiresIn} />
      ) : view.kind === 'profiles' ? (
        <ProfilesView
          profiles={profiles}
          onEdit={(profile) => setView({ kind: 'profile-form', editing: profile })}
          onRemove={(profile) => removeProfile(profile.id)}
          onAdd={() => setView({ kind: 'profile-form' })}
          onDone={() => setView({ kind: 'browse' })}
        />
      ) : (
        <Browser key={current.id} profile={current} preferences={preferences} regions={regions} />
      )}
    </main>
  );
}
