import { PresignError } from '../errors';

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

/** What an upload that S3 refused should tell the user. */
export function refusedMessage(status: number, code: string | undefined): string {
  const named = code ? `${code} (HTTP ${status})` : `HTTP ${status}`;
  if (code === 'AccessDenied' || status === 403) {
    return `S3 refused the upload: ${named}. The profile’s keys need s3:PutObject on this folder, and the link must not have expired.`;
  }
  if (code === 'EntityTooLarge')
    return `S3 refused the upload: ${named}. The file is larger than the store accepts.`;
  return `S3 refused the upload: ${named}.`;
}

/** PUTs `body` to `url`; resolves on 2xx, rejects with a PresignError that says what went wrong. */
export function putWithProgress(url: string, body: Blob, options: PutOptions = {}): Promise<PutResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new PresignError('cancelled', 'The upload was cancelled.'));
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
        reject(new PresignError('s3-error', refusedMessage(xhr.status, s3ErrorCode(xhr.responseText))));
      }
    };
    xhr.onerror = () => {
      done();
      reject(
        new PresignError(
          'network',
          'The upload did not reach S3 (connection refused or lost, or the browser blocked it). Check the endpoint and your connection, then try again.',
        ),
      );
    };
    xhr.onabort = () => {
      done();
      reject(new PresignError('cancelled', 'The upload was cancelled.'));
    };
    xhr.send(body);
  });
}
