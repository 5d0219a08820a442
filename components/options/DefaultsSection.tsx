import type { JSX } from 'preact';
import { i18n } from '#i18n';
import { ExpiryPicker } from '@/components/ExpiryPicker';
import { Field } from '@/components/Field';
import { type Preferences, preferencesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';
import { BucketProfiles } from './BucketProfiles';

/** The default expiry, the link type the popup starts with, and the profile each bucket signs with. */
export function DefaultsSection({
  preferences,
  profiles,
}: {
  preferences: Preferences;
  profiles: readonly Profile[];
}): JSX.Element {
  return (
    <section id="defaults" class="stack" aria-labelledby="defaults-title">
      <h2 id="defaults-title">{i18n.t('defaults.title')}</h2>
      <ExpiryPicker
        value={preferences.defaultExpiresIn}
        defaultValue={preferences.defaultExpiresIn}
        onChange={(seconds) => void preferencesItem.setValue({ ...preferences, defaultExpiresIn: seconds })}
      />
      <p class="hint">{i18n.t('defaults.expiryHint')}</p>
      <Field name="default-method" label={i18n.t('defaults.method')} hint={i18n.t('defaults.methodHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={preferences.defaultMethod ?? 'GET'}
            onChange={(event) =>
              void preferencesItem.setValue({
                ...preferences,
                defaultMethod: event.currentTarget.value === 'PUT' ? 'PUT' : 'GET',
              })
            }
          >
            <option value="GET">{i18n.t('defaults.methodGet')}</option>
            <option value="PUT">{i18n.t('defaults.methodPut')}</option>
          </select>
        )}
      </Field>
      <BucketProfiles profiles={profiles} />
    </section>
  );
}
