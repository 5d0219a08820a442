import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { putWithProgress } from '@/utils/adapters/upload';
import { isPresignError } from '@/utils/errors';
import { formatDuration } from '@/utils/expiry';
import { formatSize } from '@/utils/listing';
import type { Profile } from '@/utils/profile';
import type { SignedLink } from '@/utils/sign-link';
import { signObject } from '@/utils/sign-object';
import { uploadContentType, uploadKey, uploadPlan } from '@/utils/upload-plan';
import { ExpiryPicker } from './ExpiryPicker';
import type { FolderToolProps } from './folder-tool';

interface UploadPanelProps extends FolderToolProps {
  /** A file landed: the folder's listing is stale. */
  onUploaded: () => void;
}

interface Upload {
  id: number;
  name: string;
  key: string;
  size: number;
  sent: number;
  multipart: boolean;
  state: 'uploading' | 'done' | 'failed' | 'cancelled';
  message?: string;
  link?: SignedLink;
  copied?: boolean;
}

/** A PUT link lives this long: enough for a 64 MiB body on a slow line; parts get their own links. */
const PUT_LINK_SECONDS = 3600;
let nextId = 1;

/** Files chosen (or dropped) go into the current folder through presigned PUT links, each with its progress. */
export function UploadPanel(props: UploadPanelProps): JSX.Element {
  const { profile, region, bucket, prefix } = props;
  const [expiresIn, setExpiresIn] = useState(props.defaultExpiresIn);
  /** What is wrong with a typed custom expiry: nothing is uploaded until it is fixed (no link could be given). */
  const [expiryError, setExpiryError] = useState<string | undefined>(undefined);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const controllers = useRef(new Map<number, AbortController>());
  // In the toolbar popup (no tab of its own), dropping is impractical: offer the same panel in a tab.
  const [inPopup, setInPopup] = useState(false);
  useEffect(() => {
    void browser.tabs.getCurrent().then(
      (tab) => setInPopup(!tab),
      () => undefined,
    );
  }, []);

  // Leaving the panel cancels what is still uploading (a multipart upload is aborted on S3 too).
  useEffect(
    () => () => {
      for (const controller of controllers.current.values()) controller.abort();
    },
    [],
  );

  const update = (id: number, change: Partial<Upload>): void =>
    setUploads((list) => list.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)));

  const start = (files: readonly File[]): void => {
    if (expiryError) return;
    for (const file of files) void uploadOne(file);
  };

  const uploadOne = async (file: File): Promise<void> => {
    const id = nextId++;
    const key = uploadKey(prefix, file.name);
    const controller = new AbortController();
    controllers.current.set(id, controller);
    const base: Upload = {
      id,
      name: file.name,
      key,
      size: file.size,
      sent: 0,
      multipart: false,
      state: 'uploading',
    };
    setUploads((list) => [...list, base]);
    const onProgress = (sent: number): void => update(id, { sent });
    try {
      const plan = uploadPlan(file.size);
      const contentType = uploadContentType(file);
      if (plan.kind === 'single') {
        const put = await signObject(
          profile,
          { bucket, key, method: 'PUT', expiresIn: PUT_LINK_SECONDS, contentType },
          new Date(),
          region,
        );
        await putWithProgress(put.url, file, {
          headers: put.requiredHeaders,
          onProgress,
          signal: controller.signal,
        });
      } else {
        update(id, { multipart: true });
        const { multipartUpload } = await import('@/utils/adapters/multipart');
        await multipartUpload(profile, {
          bucket,
          key,
          file,
          contentType,
          parts: plan.parts,
          region,
          signal: controller.signal,
          onProgress,
        });
      }
      const link = await signObject(profile, { bucket, key, method: 'GET', expiresIn }, new Date(), region);
      update(id, { state: 'done', sent: file.size, link });
      props.onUploaded();
    } catch (error) {
      const cancelled = controller.signal.aborted || (isPresignError(error) && error.code === 'cancelled');
      update(id, {
        state: cancelled ? 'cancelled' : 'failed',
        message: cancelled
          ? i18n.t('uploadPanel.cancelled')
          : isPresignError(error)
            ? error.message
            : i18n.t('uploadPanel.failed'),
      });
    } finally {
      controllers.current.delete(id);
    }
  };

  const copy = async (upload: Upload): Promise<void> => {
    if (!upload.link) return;
    try {
      await navigator.clipboard.writeText(upload.link.url);
      update(upload.id, { copied: true });
      record(profile, upload.link);
    } catch {
      update(upload.id, { message: i18n.t('uploadPanel.copyFailed') });
    }
  };

  return (
    <section class="stack" aria-label={i18n.t('uploadPanel.label')}>
      <div class="panel-head">
        <button type="button" class="link" onClick={props.onBack}>
          {i18n.t('uploadPanel.back')}
        </button>
        <h2>{i18n.t('uploadPanel.title', { bucket, prefix })}</h2>
      </div>
      <label
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          start([...(event.dataTransfer?.files ?? [])]);
        }}
      >
        <span class="button-like">{i18n.t('uploadPanel.choose')}</span>
        <input
          type="file"
          multiple
          class="visually-hidden"
          aria-label={i18n.t('uploadPanel.chooseLabel')}
          disabled={expiryError !== undefined}
          onChange={(event) => {
            start([...(event.currentTarget.files ?? [])]);
            event.currentTarget.value = '';
          }}
        />
        <span class="hint">{i18n.t('uploadPanel.drop')}</span>
      </label>
      {inPopup && (
        <button
          type="button"
          class="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html?tool=upload') })}
        >
          {i18n.t('uploadPanel.openTab')}
        </button>
      )}
      <p class="hint">{i18n.t('uploadPanel.hint')}</p>
      <ExpiryPicker
        value={expiresIn}
        defaultValue={props.defaultExpiresIn}
        onChange={setExpiresIn}
        onInvalid={setExpiryError}
      />
      {expiryError && (
        <p class="error" role="alert">
          {i18n.t('uploadPanel.fixExpiry')}
        </p>
      )}
      <ul class="uploads" aria-label={i18n.t('uploadPanel.uploads')}>
        {uploads.map((upload) => (
          <li key={upload.id} aria-label={upload.name}>
            <div class="upload-head">
              <span class="name" title={upload.key}>
                {upload.name}
              </span>
              <span class="size">{formatSize(upload.size)}</span>
              {upload.state === 'uploading' && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => controllers.current.get(upload.id)?.abort()}
                >
                  {i18n.t('uploadPanel.cancel')}
                </button>
              )}
            </div>
            {upload.state === 'uploading' && (
              <progress
                value={upload.sent}
                max={Math.max(1, upload.size)}
                aria-label={i18n.t('uploadPanel.uploadingLabel', { name: upload.name })}
              />
            )}
            {/* The percentage is for the eye (the progress bar tells assistive technology the value); the live
                region speaks only when the state changes: started, done, cancelled. A failure is an alert. */}
            {upload.state === 'uploading' && (
              <p class="status" aria-hidden="true">
                {statusText(upload)}
              </p>
            )}
            <p class={upload.state === 'uploading' ? 'visually-hidden' : 'status'} role="status">
              {upload.state === 'uploading'
                ? i18n.t('uploadPanel.uploadingLabel', { name: upload.name })
                : upload.state === 'failed'
                  ? ''
                  : statusText(upload)}
            </p>
            {upload.state === 'failed' && (
              <p class="error" role="alert">
                {statusText(upload)}
              </p>
            )}
            {upload.link && (
              <div class="row">
                <input
                  type="text"
                  readonly
                  value={upload.link.url}
                  aria-label={i18n.t('uploadPanel.linkLabel', { name: upload.name })}
                  onFocus={(event) => event.currentTarget.select()}
                />
                <button type="button" onClick={() => void copy(upload)}>
                  {upload.copied ? i18n.t('uploadPanel.copied') : i18n.t('uploadPanel.copy')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function statusText(upload: Upload): string {
  if (upload.state === 'uploading') {
    const percent = upload.size ? Math.floor((upload.sent / upload.size) * 100) : 0;
    return i18n.t(upload.multipart ? 'uploadPanel.uploadingParts' : 'uploadPanel.uploading', { percent });
  }
  if (upload.state === 'done' && upload.link) {
    return i18n.t(upload.multipart ? 'uploadPanel.doneParts' : 'uploadPanel.done', {
      duration: formatDuration(upload.link.expiresIn),
    });
  }
  return upload.message ?? '';
}

/** Records an uploaded file's download link in the history when copied (best effort). */
function record(profile: Profile, link: SignedLink): void {
  void import('@/utils/adapters/history-store')
    .then(({ recordLink }) => recordLink(link, { source: 'upload', profileId: profile.id }))
    .catch(() => undefined);
}
