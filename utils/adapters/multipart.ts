import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { i18n } from '#i18n';
import { PresignError } from '../errors';
import { defaultBackoff, PART_ATTEMPTS, runParts } from '../part-runner';
import type { Profile } from '../profile';
import { explainS3Error } from '../s3-errors';
import type { PartRange } from '../upload-plan';
import { requestClient } from './s3-sdk-client';
import { putWithProgress } from './upload';

// A multipart upload for a large file: CreateMultipartUpload and CompleteMultipartUpload through the SDK, each
// part PUT to its own presigned UploadPart link (XMLHttpRequest, for progress). A part that fails for a passing
// reason is retried alone; cancel or a lasting failure aborts the upload, so no orphan parts stay billed on the
// bucket. Loaded lazily with the upload panel.

export interface MultipartInput {
  bucket: string;
  key: string;
  file: Blob;
  contentType: string;
  parts: readonly PartRange[];
  region?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Bytes sent so far of the whole file. */
  onProgress?: (sent: number) => void;
  /** Parts in flight at once. */
  concurrency?: number;
}

const PART_LINK_SECONDS = 3600;

/** What to do when the store's answer to a part hides its ETag (CORS without ExposeHeaders ETag). */
export function missingEtagMessage(partNumber: number): string {
  return i18n.t('uploadCore.noEtag', { part: partNumber });
}

/** Sends CompleteMultipartUpload, again after a pause when the store answers 5xx or the connection drops. */
async function complete(
  send: () => Promise<unknown>,
  signal: AbortSignal | undefined,
  backoffMs: (attempt: number) => number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      return;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const passing = status === undefined ? error instanceof TypeError : status >= 500;
      if (!passing || attempt >= PART_ATTEMPTS || signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}

/**
 * Uploads `file` in parts; resolves once S3 has put the object together. A part that fails for a passing
 * reason is retried alone (3 tries); on a lasting failure or a cancel, the other parts are stopped and, once
 * none is in flight, the upload is aborted.
 */
export async function multipartUpload(
  profile: Profile,
  input: MultipartInput,
  backoffMs: (attempt: number) => number = defaultBackoff,
): Promise<void> {
  const region = input.region ?? profile.region;
  const context = {
    bucket: input.bucket,
    key: input.key,
    region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
  };
  const s3 = requestClient(profile, region);
  const { bucket: Bucket, key: Key } = input;
  let uploadId: string | undefined;
  try {
    const created = await s3.send(
      new CreateMultipartUploadCommand({ Bucket, Key, ContentType: input.contentType }),
    );
    uploadId = created.UploadId;
    if (!uploadId) throw new PresignError('s3-error', i18n.t('uploadCore.noUploadId'));
    const UploadId = uploadId;
    const sent = new Map<number, number>();
    const report = (): void => {
      let total = 0;
      for (const bytes of sent.values()) total += bytes;
      input.onProgress?.(total);
    };
    const etags = await runParts({
      parts: input.parts,
      concurrency: input.concurrency ?? 3,
      signal: input.signal,
      backoffMs,
      uploadPart: async (part, signal) => {
        sent.set(part.partNumber, 0);
        const url = await getSignedUrl(
          s3,
          new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: part.partNumber }),
          { expiresIn: PART_LINK_SECONDS },
        );
        const result = await putWithProgress(url, input.file.slice(part.start, part.end), {
          signal,
          onProgress: (bytes) => {
            sent.set(part.partNumber, bytes);
            report();
          },
        });
        if (!result.etag) throw new PresignError('s3-error', missingEtagMessage(part.partNumber));
        return `"${result.etag}"`;
      },
    });
    const Parts = [...etags].sort(([a], [b]) => a - b).map(([PartNumber, ETag]) => ({ PartNumber, ETag }));
    await complete(
      () =>
        s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } })),
      input.signal,
      backoffMs,
    );
  } catch (error) {
    if (uploadId) {
      // Best effort, and only now that no part is in flight: the upload failed already, and its own error is
      // the one to show.
      await s3
        .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
        .catch(() => undefined);
    }
    throw error instanceof PresignError ? error : explainS3Error(error, context);
  }
}
