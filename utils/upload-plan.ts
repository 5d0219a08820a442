import { i18n } from '#i18n';
import { PresignError } from './errors';

// How a file is uploaded: one presigned PUT up to the multipart threshold, else a multipart upload with
// presigned part links. S3's limits: 5 GiB for one PUT, 5 TiB for an object, 10,000 parts of 5 MiB or more
// (the last one may be smaller).

const MiB = 1024 ** 2;
export const MAX_OBJECT_BYTES = 5 * 1024 ** 4;
export const MAX_PARTS = 10_000;
/** Above this, multipart: a failed part is retried alone (utils/part-runner.ts), and no request carries gigabytes. */
export const MULTIPART_THRESHOLD = 64 * MiB;
/** Parts of at least 8 MiB (S3's minimum is 5 MiB), larger when the file needs it to stay within 10,000. */
export const MIN_PART_BYTES = 8 * MiB;

export interface PartRange {
  partNumber: number;
  start: number;
  end: number;
}

export type UploadPlan = { kind: 'single' } | { kind: 'multipart'; partSize: number; parts: PartRange[] };

/** The plan for a file of `size` bytes; throws for a file S3 cannot store. */
export function uploadPlan(size: number, threshold = MULTIPART_THRESHOLD): UploadPlan {
  if (size > MAX_OBJECT_BYTES) {
    throw new PresignError('invalid-request', i18n.t('uploadCore.tooLarge'));
  }
  if (size <= threshold) return { kind: 'single' };
  // Whole MiB, so parts line up; never more than 10,000 of them.
  const partSize = Math.max(MIN_PART_BYTES, Math.ceil(size / MAX_PARTS / MiB) * MiB);
  const parts: PartRange[] = [];
  for (let start = 0, partNumber = 1; start < size; start += partSize, partNumber++) {
    parts.push({ partNumber, start, end: Math.min(size, start + partSize) });
  }
  return { kind: 'multipart', partSize, parts };
}

/** The Content-Type a file is uploaded (and signed) with: the browser's guess, else a generic binary type. */
export function uploadContentType(file: { type: string }): string {
  return file.type || 'application/octet-stream';
}

/** The key a file lands at in the folder: the folder's prefix and the file's own name. */
export function uploadKey(prefix: string, fileName: string): string {
  return `${prefix}${fileName}`;
}
