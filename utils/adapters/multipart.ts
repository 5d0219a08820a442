import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PresignError } from '../errors';
import type { Profile } from '../profile';
import { explainS3Error } from '../s3-errors';
import type { PartRange } from '../upload-plan';
import { putWithProgress } from './upload';

// A multipart upload for a large file: CreateMultipartUpload and CompleteMultipartUpload through the SDK, each
// part PUT to its own presigned UploadPart link (XMLHttpRequest, for progress). Cancel or any failure aborts the
// upload, so no orphan parts stay billed on the bucket. Loaded lazily with the upload panel.

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

function clientFor(profile: Profile, region: string): S3Client {
  return new S3Client({
    region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
    forcePathStyle: profile.forcePathStyle,
    credentials: {
      accessKeyId: profile.accessKeyId,
      secretAccessKey: profile.secretAccessKey,
      ...(profile.sessionToken ? { sessionToken: profile.sessionToken } : {}),
    },
    // Without these the SDK adds checksums several S3-compatible stores reject (see INFRA.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

/** Uploads `file` in parts; resolves once S3 has put the object together, rejects after aborting the upload. */
export async function multipartUpload(profile: Profile, input: MultipartInput): Promise<void> {
  const region = input.region ?? profile.region;
  const context = {
    bucket: input.bucket,
    key: input.key,
    region,
    ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
  };
  const s3 = clientFor(profile, region);
  const { bucket: Bucket, key: Key } = input;
  let uploadId: string | undefined;
  try {
    const created = await s3.send(
      new CreateMultipartUploadCommand({ Bucket, Key, ContentType: input.contentType }),
    );
    uploadId = created.UploadId;
    if (!uploadId)
      throw new PresignError('s3-error', 'S3 did not start the multipart upload (no upload id).');
    const UploadId = uploadId;
    const sent = new Map<number, number>();
    const report = (): void => {
      let total = 0;
      for (const bytes of sent.values()) total += bytes;
      input.onProgress?.(total);
    };
    const etags: { PartNumber: number; ETag: string }[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < input.parts.length) {
        const part = input.parts[next++] as PartRange;
        if (input.signal?.aborted) throw new PresignError('cancelled', 'The upload was cancelled.');
        const url = await getSignedUrl(
          s3,
          new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: part.partNumber }),
          {
            expiresIn: PART_LINK_SECONDS,
          },
        );
        const result = await putWithProgress(url, input.file.slice(part.start, part.end), {
          signal: input.signal,
          onProgress: (bytes) => {
            sent.set(part.partNumber, bytes);
            report();
          },
        });
        if (!result.etag) {
          throw new PresignError(
            's3-error',
            `S3 did not return an ETag for part ${part.partNumber}; the upload cannot be completed.`,
          );
        }
        etags.push({ PartNumber: part.partNumber, ETag: `"${result.etag}"` });
      }
    };
    await Promise.all(Array.from({ length: Math.min(input.concurrency ?? 3, input.parts.length) }, worker));
    etags.sort((a, b) => a.PartNumber - b.PartNumber);
    await s3.send(
      new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: etags } }),
    );
  } catch (error) {
    if (uploadId) {
      // Best effort: the upload failed already, and its own error is the one to show.
      await s3
        .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
        .catch(() => undefined);
    }
    throw error instanceof PresignError ? error : explainS3Error(error, context);
  }
}
