import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { bucketRegionsItem } from '@/utils/adapters/storage';
import { bucketKey } from '@/utils/choose-profile';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import { sendMessage } from '@/utils/messages';
import type { HttpMethod } from '@/utils/presign';
import type { Profile } from '@/utils/profile';
import type { SignedLink } from '@/utils/sign-link';
import { ExpiryPicker } from './ExpiryPicker';
import { Field } from './Field';
import { LinkResult } from './LinkResult';

interface SignFormProps {
  profiles: readonly Profile[];
  /** The user's default expiry (preferences.defaultExpiresIn): the form starts from it. */
  defaultExpiresIn: number;
}

/** Paste any S3 link or s3:// URI, pick method and expiry, get a signed link. */
export function SignForm({ profiles, defaultExpiresIn }: SignFormProps): JSX.Element {
  const [url, setUrl] = useState('');
  const [method, setMethod] = useState<HttpMethod>('GET');
  const [expiresIn, setExpiresIn] = useState(defaultExpiresIn);
  const [expiryError, setExpiryError] = useState<string | undefined>(undefined);
  const [link, setLink] = useState<SignedLink | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  /** Store's clock minus this computer's (ms), once a Test found them apart and the user chose to correct. */
  const [clockOffset, setClockOffset] = useState(0);
  // Counts requests (and edits): only the answer to the latest one, for what the form holds now, is shown.
  const request = useRef(0);

  /** Any edit: the link on screen (or the failure) was for other inputs, and a reply on its way is stale. */
  const edited = (): void => {
    request.current += 1;
    setLink(undefined);
    setError(undefined);
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    void sign(clockOffset);
  };

  const sign = async (offset: number): Promise<void> => {
    const id = ++request.current;
    setLink(undefined);
    if (expiryError) {
      setError(i18n.t('signForm.fixExpiry', { problem: expiryError }));
      return;
    }
    setError(undefined);
    try {
      const signed = await sendMessage(browser.runtime, 'signLink', {
        url,
        method,
        expiresIn,
        ...(offset === 0 ? {} : { clockOffsetMs: offset }),
      });
      if (id === request.current) setLink(signed);
    } catch (caught) {
      if (id !== request.current) return;
      setError(isPresignError(caught) ? caught.message : i18n.t('signForm.failed'));
    }
  };

  // Remembered for the bucket like a region learnt while listing (as the object panel does), then signed again.
  const useRegion = async (signed: SignedLink, region: string): Promise<void> => {
    const profile = profiles.find((candidate) => candidate.id === signed.profileId);
    if (!profile) return;
    const regions = await bucketRegionsItem.getValue();
    await bucketRegionsItem.setValue({
      ...regions,
      [bucketKey(profile.endpoint, signed.bucket, profile.region)]: region,
    });
    await sign(clockOffset);
  };

  return (
    <form class="stack" onSubmit={submit} aria-label={i18n.t('signForm.label')}>
      <p class="hint">
        {i18n.t('signForm.profiles', profiles.length, {
          n: profiles.length,
          names: profiles.map((profile) => profile.name).join(', '),
        })}
      </p>
      <Field name="url" label={i18n.t('signForm.url')}>
        {({ id }) => (
          <input
            id={id}
            type="text"
            spellcheck={false}
            placeholder={i18n.t('signForm.urlExample')}
            value={url}
            onInput={(event) => {
              setUrl(event.currentTarget.value);
              edited();
            }}
          />
        )}
      </Field>
      <Field name="method" label={i18n.t('signForm.method')}>
        {({ id }) => (
          <select
            id={id}
            value={method}
            onChange={(event) => {
              setMethod(event.currentTarget.value as HttpMethod);
              edited();
            }}
          >
            <option value="GET">{i18n.t('signForm.get')}</option>
            <option value="PUT">{i18n.t('signForm.put')}</option>
          </select>
        )}
      </Field>
      <ExpiryPicker
        value={expiresIn}
        defaultValue={defaultExpiresIn}
        onChange={(seconds) => {
          setExpiresIn(seconds);
          edited();
        }}
        onInvalid={(message) => {
          setExpiryError(message);
          edited();
        }}
      />
      <div class="actions">
        <button type="submit">{i18n.t('signForm.sign')}</button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {clockOffset !== 0 && (
        <p class="hint">
          {i18n.t(clockOffset > 0 ? 'signForm.clockBehind' : 'signForm.clockAhead', {
            duration: formatDuration(Math.abs(clockOffset) / 1000),
          })}
        </p>
      )}
      {link && (
        <LinkResult
          link={link}
          clockOffsetMs={clockOffset}
          onUseRegion={(region) => void useRegion(link, region)}
          onCorrectClock={(offset) => {
            setClockOffset(offset);
            void sign(offset);
          }}
        />
      )}
    </form>
  );
}
