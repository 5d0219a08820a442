import { i18n } from '#i18n';
import { PresignError, type PresignErrorCode } from '../errors';

// One HTTP PUT of a file (or a part of one) to a presigned URL through XMLHttpRequest: fetch cannot report
// upload progress. In an extension page with host access, CORS does not apply, so the ETag header is readable.

export interface PutOptions {
  /** Headers the link was signed with (a signed Content-Type must be sent exactly). */
  headers?: Record<string, string>;
  /** Bytes sent so far of this body. */
  onProgress?: (sent: number) => void;
  signal?: AbortSignal | undefined;
}

export interface PutResult {
  /** Without quotes; multipart completion needs each part's. */
  etag?: string;
}

/** The error code S3 put in its XML answer, if any. */
export function s3ErrorCode(body: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
}

/** An upload S3 answered with an error status: the status tells a passing failure (5xx) from a refusal. */
export class RefusedUpload extends PresignError {
  readonly status: number;

  constructor(status: number, code: string | undefined) {
    super(refusedCode(code), refusedMessage(status, code));
    this.status = status;
  }
}

function refusedCode(code: string | undefined): PresignErrorCode {
  switch (code) {
    case 'AccessDenied':
      return 'access-denied';
    case 'SignatureDoesNotMatch':
      return 'signature-mismatch';
    case 'RequestTimeTooSkewed':
      return 'clock-skew';
    case 'InvalidAccessKeyId':
      return 'invalid-access-key';
    case 'ExpiredToken':
      return 'credentials-expired';
    default:
      return 's3-error';
  }
}

/** What to do, by S3's error code: a 403 is not always a missing permission (read when a message is built). */
const REFUSAL_ADVICE: Readonly<Record<string, () => string>> = {
  AccessDenied: () => i18n.t('uploadCore.accessDenied'),
  SignatureDoesNotMatch: () => i18n.t('uploadCore.signature'),
  RequestTimeTooSkewed: () => i18n.t('uploadCore.skew'),
  InvalidAccessKeyId: () => i18n.t('uploadCore.unknownKey'),
  ExpiredToken: () => i18n.t('uploadCore.tokenExpired'),
  EntityTooLarge: () => i18n.t('uploadCore.tooLargeForStore'),
};

/** What an upload that S3 refused should tell the user. */
export function refusedMessage(status: number, code: string | undefined): string {
  const named = code ? `${code} (HTTP ${status})` : `HTTP ${status}`;
  const advice =
    (code ? REFUSAL_ADVICE[code]?.() : undefined) ??
    (status === 403 && !code
      ? i18n.t('uploadCore.mayLack')
      : status >= 500
        ? i18n.t('uploadCore.busy')
        : undefined);
  return [i18n.t('uploadCore.refused', { named }), ...(advice ? [advice] : [])].join(' ');
}

/** PUTs `body` to `url`; resolves on 2xx, rejects with a PresignError that says what went wrong. */
export function putWithProgress(url: string, body: Blob, options: PutOptions = {}): Promise<PutResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new PresignError('cancelled', i18n.t('uploadCore.cancelled')));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => options.onProgress?.(event.loaded);
    const onAbort = (): void => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => options.signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(body.size);
        const etag = xhr.getResponseHeader('ETag')?.replace(/^"(.*)"$/, '$1');
        resolve(etag ? { etag } : {});
      } else {
        reject(new RefusedUpload(xhr.status, s3ErrorCode(xhr.responseText)));
      }
    };
    xhr.onerror = () => {
      done();
      reject(new PresignError('network', i18n.t('uploadCore.network')));
    };
    xhr.onabort = () => {
      done();
      reject(new PresignError('cancelled', i18n.t('uploadCore.cancelled')));
    };
    xhr.send(body);
  });
}
