import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { useStored } from '@/components/hooks/use-stored';
import { type BucketAddress, bucketProfilesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';
import { splitBucketAddress } from './bucket-address';
import { saveFailedMessage } from './save-failed';

/** Which profile signs each bucket's links for the menu and the shortcut: change it, or forget it. */
export function BucketProfiles({ profiles }: { profiles: readonly Profile[] }): JSX.Element {
  const chosen = useStored(bucketProfilesItem);
  const [error, setError] = useState<string | undefined>(undefined);
  if (chosen === undefined) return <div aria-busy="true" />;

  const save = (next: Record<BucketAddress, string>): void => {
    setError(undefined);
    bucketProfilesItem.setValue(next).catch((caught: unknown) => setError(saveFailedMessage(caught)));
  };
  const entries = Object.entries(chosen).sort(([a], [b]) => a.localeCompare(b)) as [BucketAddress, string][];
  return (
    <section class="stack" aria-labelledby="bucket-profiles-title">
      <h3 id="bucket-profiles-title">{i18n.t('defaults.bucketsTitle')}</h3>
      <p class="hint">{i18n.t('defaults.bucketsHint')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="hint">{i18n.t('defaults.bucketsEmpty')}</p>
      ) : (
        <ul class="bucket-profiles">
          {entries.map(([address, profileId]) => {
            const { bucket, where } = splitBucketAddress(address);
            const known = profiles.some((profile) => profile.id === profileId);
            return (
              <li key={address}>
                <span class="bucket-name">
                  <strong>{bucket}</strong> <span class="hint">{where}</span>
                </span>
                <select
                  aria-label={i18n.t('defaults.bucketProfile', { bucket, where })}
                  value={profileId}
                  onChange={(event) => save({ ...chosen, [address]: event.currentTarget.value })}
                >
                  {!known && <option value={profileId}>{i18n.t('defaults.removedProfile')}</option>}
                  {profiles.map((profile) => (
                    <option key={profile.id} value={profile.id}>
                      {profile.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="secondary"
                  aria-label={i18n.t('defaults.forgetLabel', { bucket, where })}
                  onClick={() => {
                    const { [address]: _forgotten, ...rest } = chosen;
                    save(rest);
                  }}
                >
                  {i18n.t('defaults.forget')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
