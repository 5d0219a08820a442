import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { listingDecoder } from './s3-browser-keys';

/** One version of one key; `versionId` is "null" for what was written while versioning was off. */
export interface VersionEntry {
  versionId?: string;
  isLatest: boolean;
  deleteMarker: boolean;
  size?: number;
  /** ISO time. */
  lastModified?: string;
  etag?: string;
}

// A key with more versions than this many pages hold is not browsed version by version.
const MAX_PAGES = 20;

/** Only `key`'s own versions and delete markers (not those of longer keys sharing the prefix), newest first. */
export async function listKeyVersions(
  s3: S3Client,
  bucket: string,
  key: string,
  sendOptions: { abortSignal?: AbortSignal },
): Promise<VersionEntry[]> {
  const versions: VersionEntry[] = [];
  let versionIdMarker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: key,
        EncodingType: 'url',
        // Paging stops at the first other key, so a next page always starts inside `key`: the marker is `key`
        // itself, never a NextKeyMarker whose encoding would have to be guessed.
        ...(versionIdMarker ? { KeyMarker: key, VersionIdMarker: versionIdMarker } : {}),
      }),
      sendOptions,
    );
    const decode = listingDecoder(out.EncodingType);
    const entries = [
      ...(out.Versions ?? []).map((version) => ({ ...version, deleteMarker: false })),
      ...(out.DeleteMarkers ?? []).map((marker) => ({
        ...marker,
        Size: undefined,
        ETag: undefined,
        deleteMarker: true,
      })),
    ];
    // The prefix also matches longer keys ("a.txt" → "a.txt.bak"); S3 lists them after all of key's versions.
    let passedKey = false;
    for (const entry of entries) {
      if (entry.Key === undefined || decode(entry.Key) !== key) {
        passedKey = true;
        continue;
      }
      const etag = entry.ETag?.replace(/^"(.*)"$/, '$1');
      versions.push({
        isLatest: Boolean(entry.IsLatest),
        deleteMarker: entry.deleteMarker,
        ...(entry.VersionId ? { versionId: entry.VersionId } : {}),
        ...(entry.Size !== undefined ? { size: entry.Size } : {}),
        ...(entry.LastModified ? { lastModified: entry.LastModified.toISOString() } : {}),
        ...(etag ? { etag } : {}),
      });
    }
    versionIdMarker = out.NextVersionIdMarker;
    if (!out.IsTruncated || passedKey || !versionIdMarker) break;
  }
  return newestFirst(versions);
}

/** S3 lists versions and delete markers apart: merge them, newest first, the latest first on a tie. */
function newestFirst(versions: VersionEntry[]): VersionEntry[] {
  const time = (version: VersionEntry): number => Date.parse(version.lastModified ?? '') || 0;
  return versions.sort((a, b) => time(b) - time(a) || Number(b.isLatest) - Number(a.isLatest));
}
