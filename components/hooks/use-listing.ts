import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { readListing, writeListing } from '@/utils/adapters/listing-store';
import { type CachedListing, lastListingItem } from '@/utils/adapters/storage';
import { type ListingState, type ShownError, withPageAppended, withPageFailed } from '@/utils/browse-listing';
import { isPresignError } from '@/utils/errors';
import { bucketRows, type ObjectEntry, toRows } from '@/utils/listing';
import { listingKey } from '@/utils/listing-cache';
import type { Profile } from '@/utils/profile';

/** Where the popup is: the bucket list (bucket "") or a folder of a bucket. */
export interface Location {
  bucket: string;
  prefix: string;
}

export type { ListingState, ShownError };

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
  return { code: 'internal', message: i18n.t('useListing.failed') };
}

const loadBrowser = () => import('@/utils/adapters/s3-browser');

type ListingCache = Record<string, CachedListing>;

/** A read of the listing cache, and its value once it has come. */
interface CacheRead {
  read: Promise<ListingCache>;
  value?: ListingCache;
}

/**
 * The cached listing of the folder the popup opens at, read as soon as this module loads: alongside the popup's
 * other storage reads instead of after its first render and the frame an effect waits for, so the folder is
 * painted in the browser's very first render (figure 4 of `npm run bench`). Only the first listing shown uses
 * it; later ones read their folder's entry.
 */
let opening: CacheRead | undefined = readOpeningListing();

function readOpeningListing(): CacheRead {
  const started: CacheRead = {
    // The last listing saved is the reopened folder's unless the user switched profile elsewhere since; the
    // hook compares keys, so a different folder just reads its own entry.
    read: lastListingItem
      .getValue()
      .then((last): ListingCache => (last ? { [last.key]: last.listing } : {}))
      .catch((): ListingCache => ({})),
  };
  void started.read.then((value) => {
    started.value = value;
  });
  return started;
}

const EMPTY: ListingState = {
  rows: [],
  status: 'loading',
  loadingMore: false,
  truncated: false,
  canLoadMore: false,
};

/** Rows from a cached listing, shown while the fresh one loads. */
function cachedState(bucket: string, prefix: string, cached: CachedListing): ListingState {
  return {
    rows: bucket ? toRows(prefix, cached.prefixes, cached.objects) : bucketRows(cached.prefixes),
    status: 'cached',
    loadingMore: false,
    truncated: cached.truncated,
    // The cache keeps no continuation token: the next page waits for the fresh listing.
    canLoadMore: false,
  };
}

/** The rows of one location: the cached listing at once, then the server's, with paging and prefix search. */
export function useListing(profile: Profile, location: Location, region: string | undefined): Listing {
  const { bucket, prefix } = location;
  const here = listingKey(profile.id, bucket, prefix);
  // Where the first render painted cached rows (when the opening read was already done), until the effect ran.
  const paintedAt = useRef<string | undefined>(undefined);
  const [state, setState] = useState<ListingState>(() => {
    const cached = opening?.value?.[here];
    if (!cached) return EMPTY;
    paintedAt.current = here;
    return cachedState(bucket, prefix, cached);
  });
  const [nonce, setNonce] = useState(0);
  const [searchAt, setSearchAt] = useState<{ at: string; text: string } | undefined>(undefined);
  const token = useRef<string | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  // A server search belongs to the folder it was made in: moving elsewhere drops it at once (this render)…
  const search = searchAt?.at === here ? searchAt.text : undefined;
  // …and for good: coming back to the folder shows the whole folder, not the search made there before.
  useEffect(() => {
    setSearchAt((current) => (current && current.at !== here ? undefined : current));
  }, [here]);

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    token.current = undefined;
    const key = listingKey(profile.id, bucket, prefix);
    const openingRead = opening?.read;
    opening = undefined;
    // The first run keeps the rows the first render painted from the cache; any later one starts over.
    const painted = paintedAt.current === key && search === undefined;
    paintedAt.current = undefined;
    if (!painted) setState({ ...EMPTY, search });
    void (async () => {
      if (search === undefined && !painted) {
        const cached = (openingRead ? (await openingRead)[key] : undefined) ?? (await readListing(key));
        if (cached && !abort.signal.aborted) {
          setState((current) =>
            current.status === 'loading' ? cachedState(bucket, prefix, cached) : current,
          );
        }
      }
      try {
        const { createS3Browser } = await loadBrowser();
        const s3 = createS3Browser(profile, { region, signal: abort.signal });
        if (!bucket) {
          const buckets = (await s3.listBuckets()).map((entry) => entry.name);
          if (abort.signal.aborted) return;
          setState({
            rows: bucketRows(buckets),
            status: 'fresh',
            loadingMore: false,
            truncated: false,
            canLoadMore: false,
          });
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
          canLoadMore: Boolean(page.nextContinuationToken),
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
        setState((current) =>
          withPageAppended(current, {
            rows: toRows(prefix, page.prefixes, page.objects),
            truncated: page.isTruncated,
            hasNext: Boolean(page.nextContinuationToken),
          }),
        );
      } catch (error) {
        if (abort.signal.aborted) return;
        setState((current) => withPageFailed(current, shownError(error)));
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
  await writeListing(key, {
    prefixes,
    objects: objects.map(({ key: objectKey, size, lastModified }) => ({
      key: objectKey,
      size,
      lastModified,
    })),
    truncated,
    fetchedAt: new Date().toISOString(),
  });
}
