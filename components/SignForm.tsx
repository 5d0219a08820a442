import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isPresignError } from '@/utils/errors';
import { DEFAULT_EXPIRES_IN, EXPIRY_PRESETS } from '@/utils/expiry';
import { sendMessage } from '@/utils/messages';
import type { HttpMethod } from '@/utils/presign';
import type { Profile } from '@/utils/profile';
import type { SignedLink } from '@/utils/sign-link';
import { Field } from './Field';
import { LinkResult } from './LinkResult';

/** Paste any S3 link or s3:// URI, pick method and expiry, get a signed link. */
export function SignForm({ profiles }: { profiles: readonly Profile[] }): JSX.Element {
  const [url, setUrl] = useState('');
  const [method, setMethod] = useState<HttpMethod>('GET');
  const [expiresIn, setExpiresIn] = useState(DEFAULT_EXPIRES_IN);
  const [link, setLink] = useState<SignedLink | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setLink(undefined);
    setError(undefined);
    try {
      setLink(await sendMessage(browser.runtime, 'signLink', { url, method, expiresIn }));
    } catch (caught) {
      setError(isPresignError(caught) ? caught.message : 'Something unexpected went wrong. Try again.');
    }
  };

  return (
    <form class="stack" onSubmit={submit} aria-label="Sign a link">
      <p class="hint">
        {profiles.length} profile{profiles.length === 1 ? '' : 's'}:{' '}
        {profiles.map((profile) => profile.name).join(', ')}
      </p>
      <Field name="url" label="S3 object (URL or s3://bucket/key)">
        {({ id }) => (
          <input
            id={id}
            type="text"
            spellcheck={false}
            placeholder="s3://bucket/path/to/file.pdf"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="row">
        <Field name="method" label="Link for">
          {({ id }) => (
            <select
              id={id}
              value={method}
              onChange={(event) => setMethod(event.currentTarget.value as HttpMethod)}
            >
              <option value="GET">Download (GET)</option>
              <option value="PUT">Upload (PUT)</option>
            </select>
          )}
        </Field>
        <Field name="expiry" label="Expires after">
          {({ id }) => (
            <select
              id={id}
              value={expiresIn}
              onChange={(event) => setExpiresIn(Number(event.currentTarget.value))}
            >
              {EXPIRY_PRESETS.map((preset) => (
                <option key={preset.seconds} value={preset.seconds}>
                  {preset.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div class="actions">
        <button type="submit">Sign link</button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {link && <LinkResult link={link} />}
    </form>
  );
}
