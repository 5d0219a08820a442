import type { BulkObject } from '../bulk-links';
import type { Profile } from '../profile';

// Every object under a prefix, at any depth: ListObjectsV2 without a delimiter, page after page (1,000 keys a
// page), for the bulk links of a whole folder. Folder markers (keys ending in "/") are left out: a link to one
// downloads nothing.

export interface ListAllOptions {
  region?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Called after each page with the number of objects found so far. */
  onProgress?: (found: number) => void;
}

/** All objects whose key starts with `prefix`, in S3's order. */
export async function listAllObjects(
  profile: Profile,
  bucket: string,
  prefix: string,
  options: ListAllOptions = {},
): Promise<BulkObject[]> {
  const { createS3Browser } = await import('./s3-browser');
  const s3 = createS3Browser(profile, { region: options.region, signal: options.signal });
  const objects: BulkObject[] = [];
  let token: string | undefined;
  do {
    const page = await s3.listPage(bucket, { prefix, ...(token ? { continuationToken: token } : {}) });
    for (const object of page.objects) {
      if (!object.key.endsWith('/')) objects.push({ key: object.key, size: object.size });
    }
    options.onProgress?.(objects.length);
    token = page.nextContinuationToken;
  } while (token);
  return objects;
}
