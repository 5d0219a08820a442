import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ExpiryPicker } from '@/components/ExpiryPicker';
import { Field } from '@/components/Field';
import { type Preferences, preferencesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';
import { BucketProfiles } from './BucketProfiles';
import { saveFailedMessage } from './save-failed';

/** The default expiry, the link type the popup starts with, and the profile each bucket signs with. */
export function DefaultsSection({
  preferences,
  profiles,
}: {
  preferences: Preferences;
  profiles: readonly Profile[];
}): JSX.Element {
  const [error, setError] = useState<string | undefined>(undefined);
  // The page shows what storage holds: a refused write leaves the old value on screen, and says why.
  const save = (next: Preferences): void => {
    setError(undefined);
    preferencesItem.setValue(next).catch((caught: unknown) => setError(saveFailedMessage(caught)));
  };
  return (
    <section id="defaults" class="stack" aria-labelledby="defaults-title">
      <h2 id="defaults-title">{i18n.t('defaults.title')}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ExpiryPicker
        value={preferences.defaultExpiresIn}
        defaultValue={preferences.defaultExpiresIn}
        onChange={(seconds) => save({ ...preferences, defaultExpiresIn: seconds })}
      />
      <p class="hint">{i18n.t('defaults.expiryHint')}</p>
      <Field name="default-method" label={i18n.t('defaults.method')} hint={i18n.t('defaults.methodHint')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={preferences.defaultMethod ?? 'GET'}
            onChange={(event) =>
              save({ ...preferences, defaultMethod: event.currentTarget.value === 'PUT' ? 'PUT' : 'GET' })
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
