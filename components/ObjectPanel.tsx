import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { bucketRegionsItem } from '@/utils/adapters/storage';
import { bucketKey } from '@/utils/choose-profile';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import { formatModified, formatSize } from '@/utils/listing';
import type { HttpMethod } from '@/utils/presign';
import type { Profile } from '@/utils/profile';
import type { SignedLink } from '@/utils/sign-link';
import { signObject } from '@/utils/sign-object';
import { ExpiryPicker } from './ExpiryPicker';
import { LinkResult } from './LinkResult';
import { TextField } from './TextField';
import { VersionPicker } from './VersionPicker';

export interface PickedObject {
  bucket: string;
  key: string;
  size: number;
  lastModified: string;
}

interface ObjectPanelProps {
  profile: Profile;
  object: PickedObject;
  region: string | undefined;
  defaultExpiresIn: number;
  /** The method the panel starts with (Preferences.defaultMethod; GET when absent). */
  defaultMethod?: HttpMethod | undefined;
  onBack: () => void;
  onSetDefault: (seconds: number) => void;
  onCopied: (versionId: string | undefined) => void;
}

/** One object's link options — method, expiry, version, download name, content types — and the live result. */
export function ObjectPanel(props: ObjectPanelProps): JSX.Element {
  const { profile, object, region, defaultExpiresIn } = props;
  const [method, setMethod] = useState<HttpMethod>(props.defaultMethod ?? 'GET');
  /** Store's clock minus this computer's (ms), once a Test found them apart and the user chose to correct. */
  const [clockOffset, setClockOffset] = useState(0);
  const [expiresIn, setExpiresIn] = useState(defaultExpiresIn);
  /** What is wrong with a typed custom expiry: no link is offered until it is fixed. */
  const [expiryError, setExpiryError] = useState<string | undefined>(undefined);
  const [versionId, setVersionId] = useState<string | undefined>(undefined);
  const [downloadName, setDownloadName] = useState('');
  const [contentType, setContentType] = useState('');
  const [link, setLink] = useState<SignedLink | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const get = method === 'GET';
    signObject(
      profile,
      {
        bucket: object.bucket,
        key: object.key,
        method,
        expiresIn,
        versionId: get ? versionId : undefined,
        downloadName: get && downloadName ? downloadName : undefined,
        responseContentType: get && contentType.trim() ? contentType.trim() : undefined,
        contentType: !get && contentType.trim() ? contentType.trim() : undefined,
      },
      new Date(Date.now() + clockOffset),
      region,
    ).then(
      (signed) => {
        if (!live) return;
        setLink(signed);
        setError(undefined);
      },
      (caught: unknown) => {
        if (!live) return;
        setLink(undefined);
        setError(isPresignError(caught) ? caught.message : i18n.t('objectPanel.signFailed'));
      },
    );
    return () => {
      live = false;
    };
  }, [profile, object, region, method, expiresIn, versionId, downloadName, contentType, clockOffset]);

  // Remembered for the bucket like a region learnt while listing: the panel (and the menu) sign with it from now.
  const useRegion = (name: string): void => {
    void bucketRegionsItem.getValue().then((regions) =>
      bucketRegionsItem.setValue({
        ...regions,
        [bucketKey(profile.endpoint, object.bucket, profile.region)]: name,
      }),
    );
  };

  const name = object.key.slice(object.key.lastIndexOf('/', object.key.length - 2) + 1);
  return (
    <section class="stack" aria-label={i18n.t('objectPanel.label', { name })}>
      <div class="panel-head">
        <button type="button" class="link" onClick={props.onBack}>
          {i18n.t('objectPanel.back')}
        </button>
        <h2 title={object.key}>{name}</h2>
      </div>
      <p class="hint">
        {object.bucket}/{object.key} · {formatSize(object.size)} ·{' '}
        {formatModified(object.lastModified, new Date())}
      </p>
      <fieldset class="method">
        <legend>{i18n.t('objectPanel.linkFor')}</legend>
        {(['GET', 'PUT'] as const).map((value) => (
          <label key={value} class="check">
            <input type="radio" name="method" checked={method === value} onChange={() => setMethod(value)} />
            {value === 'GET' ? i18n.t('objectPanel.get') : i18n.t('objectPanel.put')}
          </label>
        ))}
      </fieldset>
      <ExpiryPicker
        value={expiresIn}
        defaultValue={defaultExpiresIn}
        onChange={setExpiresIn}
        onInvalid={setExpiryError}
      />
      {expiresIn !== defaultExpiresIn && !expiryError && (
        <button type="button" class="link" onClick={() => props.onSetDefault(expiresIn)}>
          {i18n.t('objectPanel.makeDefault')}
        </button>
      )}
      <details>
        <summary>{i18n.t('objectPanel.more')}</summary>
        <div class="stack">
          {method === 'GET' && (
            <>
              <VersionPicker
                profile={profile}
                object={object}
                region={region}
                value={versionId}
                onChange={setVersionId}
              />
              <TextField
                name="download-name"
                label={i18n.t('objectPanel.saveAs')}
                hint={i18n.t('objectPanel.saveAsHint')}
                placeholder={name}
                value={downloadName}
                onValue={setDownloadName}
              />
            </>
          )}
          <TextField
            name="content-type"
            label={method === 'GET' ? i18n.t('objectPanel.getType') : i18n.t('objectPanel.putType')}
            hint={method === 'GET' ? i18n.t('objectPanel.getTypeHint') : i18n.t('objectPanel.putTypeHint')}
            spellcheck={false}
            value={contentType}
            onValue={setContentType}
          />
        </div>
      </details>
      {expiryError ? (
        <p class="error" role="alert">
          {i18n.t('objectPanel.fixExpiry')}
        </p>
      ) : (
        error && (
          <p class="error" role="alert">
            {error}
          </p>
        )
      )}
      {clockOffset !== 0 && (
        <p class="hint">
          {i18n.t(clockOffset > 0 ? 'objectPanel.clockBehind' : 'objectPanel.clockAhead', {
            duration: formatDuration(Math.abs(clockOffset) / 1000),
          })}
        </p>
      )}
      {link && !expiryError && (
        <LinkResult
          link={link}
          profileId={profile.id}
          versionId={method === 'GET' ? versionId : undefined}
          onCopied={() => props.onCopied(method === 'GET' ? versionId : undefined)}
          onUseRegion={useRegion}
          onCorrectClock={setClockOffset}
          clockOffsetMs={clockOffset}
        />
      )}
    </section>
  );
}
