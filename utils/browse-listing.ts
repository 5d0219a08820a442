import type { PresignErrorCode } from './errors';
import type { Row } from './listing';

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
  /**
   * The next page can be asked for now: the server gave a continuation token. A cached listing can be truncated
   * without one, so `truncated` alone does not say the next page can be loaded.
   */
  canLoadMore: boolean;
  /** The server-side prefix search in force, if any. */
  search?: string | undefined;
}

/** What one ListObjectsV2 page brings, as the listing state needs it. */
export interface PageRows {
  rows: Row[];
  truncated: boolean;
  /** The page came with a continuation token. */
  hasNext: boolean;
}

/** The state once a "more" page came: its rows added, and any earlier page's failure over. */
export function withPageAppended(current: ListingState, page: PageRows): ListingState {
  return {
    ...current,
    // The rows already made are kept as they are; only the new page's are made.
    rows: current.rows.concat(page.rows),
    loadingMore: false,
    truncated: page.truncated,
    canLoadMore: page.hasNext,
    // A failed page left the listing in error; this one succeeding means it is whole and fresh again, which
    // also lets scrolling page on.
    status: 'fresh',
    error: undefined,
  };
}

/** The state once a "more" page failed: the rows stay, the error shows, and the same page can be asked again. */
export function withPageFailed(current: ListingState, error: ShownError): ListingState {
  return { ...current, loadingMore: false, status: 'error', error };
}

/** The listing as the paging rules need it. */
type Pageable = Pick<ListingState, 'canLoadMore' | 'loadingMore' | 'status' | 'search'>;

/**
 * Whether nearing the end of the list loads the next page. Only when every loaded row is shown: no filter, or
 * the filter is the server search's own text (every key found starts with it). A filter that hides rows keeps
 * the list short, so "near the end" would hold page after page and page through the whole folder unasked.
 */
export function pagesOnScroll(listing: Pageable, filter: string): boolean {
  const allShown = filter === '' || filter === listing.search;
  return listing.canLoadMore && !listing.loadingMore && listing.status === 'fresh' && allShown;
}

/**
 * Whether the "Load more" button shows: when the next page can be asked for (not while a cached listing waits
 * for the fresh one, which brings the token) and the more keys are ones the list is about: the whole folder with
 * no filter, or a server search's keys, which the filter holds the text of.
 */
export function showsLoadMore(listing: Pageable, filter: string): boolean {
  return listing.canLoadMore && (filter === '' || listing.search !== undefined);
}
