import type { JSX } from 'preact';
import { i18n } from '#i18n';
import type { Profile } from '@/utils/profile';

interface ProfileSwitcherProps {
  profiles: readonly Profile[];
  current: Profile;
  onSwitch: (id: string) => void;
}

/** The header's profile menu: which keys sign and list. */
export function ProfileSwitcher({ profiles, current, onSwitch }: ProfileSwitcherProps): JSX.Element {
  return (
    <select
      class="profile-switch"
      aria-label={i18n.t('profileSwitcher.label')}
      value={current.id}
      onChange={(event) => onSwitch(event.currentTarget.value)}
    >
      {profiles.map((profile) => (
        <option key={profile.id} value={profile.id}>
          {profile.name}
        </option>
      ))}
    </select>
  );
}
