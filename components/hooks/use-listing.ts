import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { listingCacheItem } from '@/utils/adapters/storage';
import { isPresignError, type PresignErrorCode } from '@/utils/errors';
import { bucketRows, type ObjectEntry, type Row, toRows } from '@/utils/listing';
import { listingKey, putListing } from '@/utils/listing-cache';
import type { Profile } from '@/utils/profile';

/** Where the popup is: the bucket list (bucket "") or a folder of a bucket. */
export interface Location {
  bucket: string;
  prefix: string;
}

/** A failure as the popup shows it; `region` is the one S3 named when the bucket lives elsewhere. */
export interface ShownError {
  code: PresignErrorCode;
  message: string;
  region?: string | undefined;
}

export interface ListingState {
  rows: Row[];
  /** cached: painted from the last visit while the fresh listing loads. */
  status: 'loading' | 'cached' | 'fresh' | 'error';
  error?: ShownError | undefined;
  loadingMore: boolean;
  /** More keys exist on the server beyond the rows loaded. */
  truncated: boolean;
  /** The server-side prefix search in force, if any. */
  search?: string | undefined;
}

export interface Listing extends ListingState {
  loadMore(): void;
  refresh(): void;
  /** Lists the keys that start with the current folder + text on the server (beyond what is loaded). */
  searchServer(text: string): void;
  clearSearch(): void;
}

export function shownError(error: unknown): ShownError {
  if (isPresignError(error)) {
    const region = (error as { region?: unknown }).region;
    return {
      code: error.code,
      message: error.message,
      region: typeof region === 'string' ? region : undefined,
    };
  }
  return { code: 'internal', message: 'Something unexpected went wrong while listing. Try again.' };
}

const loadBrowser = () => import('@/utils/adapters/s3-browser');

/** The rows of one location: the cached listing at once, then the server's, with paging and prefix search. */
export function useListing(profile: Profile, location: Location, region: string | undefined): Listing {
  const [state, setState] = useState<ListingState>({
    rows: [],
    status: 'loading',
    loadingMore: false,
    truncated: false,
  });
  const [nonce, setNonce] = useState(0);
  const [searchAt, setSearchAt] = useState<{ at: string; text: string } | undefined>(undefined);
  const token = useRef<string | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  const { bucket, prefix } = location;
  const here = listingKey(profile.id, bucket, prefix);
  // A server search belongs to the folder it was made in: moving elsewhere drops it.
  const search = searchAt?.at === here ? searchAt.text : undefined;

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    token.current = undefined;
    const key = listingKey(profile.id, bucket, prefix);
    setState({ rows: [], status: 'loading', loadingMore: false, truncated: false, search });
    void (async () => {
      if (search === undefined) {
        const cached = (await listingCacheItem.getValue())[key];
        if (cached && !abort.signal.aborted) {
          setState((current) =>
            current.status === 'loading'
              ? {
                  ...current,
                  rows: bucket
                    ? toRows(prefix, cached.prefixes, cached.objects)
                    : bucketRows(cached.prefixes),
                  status: 'cached',
                  truncated: cached.truncated,
                }
              : current,
          );
        }
      }
      try {
        const { createS3Browser } = await loadBrowser();
        const s3 = createS3Browser(profile, { region, signal: abort.signal });
        if (!bucket) {
          const buckets = (await s3.listBuckets()).map((entry) => entry.name);
          if (abort.signal.aborted) return;
          setState({ rows: bucketRows(buckets), status: 'fresh', loadingMore: false, truncated: false });
          await save(key, buckets, [], false);
          return;
        }
        const page = await s3.listPage(bucket, { prefix: prefix + (search ?? ''), delimiter: '/' });
        if (abort.signal.aborted) return;
        token.current = page.nextContinuationToken;
        setState({
          rows: toRows(prefix, page.prefixes, page.objects),
          status: 'fresh',
          loadingMore: false,
          truncated: page.isTruncated,
          search,
        });
        if (search === undefined) await save(key, page.prefixes, page.objects, page.isTruncated);
      } catch (error) {
        if (abort.signal.aborted) return;
        setState((current) => ({ ...current, status: 'error', error: shownError(error) }));
      }
    })();
    return () => abort.abort();
  }, [profile.id, profile.accessKeyId, profile.endpoint, bucket, prefix, region, search, nonce]);

  const loadMore = useCallback((): void => {
    const next = token.current;
    const abort = controller.current;
    if (!next || !abort || state.loadingMore) return;
    setState((current) => ({ ...current, loadingMore: true }));
    void (async () => {
      try {
        const { createS3Browser } = await loadBrowser();
        const s3 = createS3Browser(profile, { region, signal: abort.signal });
        const page = await s3.listPage(bucket, {
          prefix: prefix + (search ?? ''),
          delimiter: '/',
          continuationToken: next,
        });
        if (abort.signal.aborted) return;
        token.current = page.nextContinuationToken;
        setState((current) => ({
          ...current,
          rows: [...current.rows, ...toRows(prefix, page.prefixes, page.objects)],
          loadingMore: false,
          truncated: page.isTruncated,
        }));
      } catch (error) {
        if (abort.signal.aborted) return;
        setState((current) => ({
          ...current,
          loadingMore: false,
          status: 'error',
          error: shownError(error),
        }));
      }
    })();
  }, [profile, bucket, prefix, region, search, state.loadingMore]);

  return {
    ...state,
    loadMore,
    refresh: () => setNonce((n) => n + 1),
    searchServer: (text: string) => setSearchAt({ at: here, text }),
    clearSearch: () => setSearchAt(undefined),
  };
}

async function save(
  key: string,
  prefixes: string[],
  objects: readonly ObjectEntry[],
  truncated: boolean,
): Promise<void> {
  const cache = await listingCacheItem.getValue();
  const listing = {
    prefixes,
    objects: objects.map(({ key: objectKey, size, lastModified }) => ({
      key: objectKey,
      size,
      lastModified,
    })),
    truncated,
    fetchedAt: new Date().toISOString(),
  };
  // A full storage must not break browsing: the cache is only a head start.
  await listingCacheItem.setValue(putListing(cache, key, listing)).catch(() => undefined);
}
