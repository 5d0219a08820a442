import { describe, expect, it } from 'vitest';
import {
  type ListingState,
  pagesOnScroll,
  showsLoadMore,
  withPageAppended,
  withPageFailed,
} from '@/utils/browse-listing';
import { toRows } from '@/utils/listing';

const page = (from: number, count: number) =>
  toRows(
    'big/',
    [],
    Array.from({ length: count }, (_, i) => ({ key: `big/key-${from + i}`, size: 1, lastModified: '' })),
  );

const firstPage: ListingState = {
  rows: page(0, 3),
  status: 'fresh',
  loadingMore: false,
  truncated: true,
  canLoadMore: true,
};
const failure = { code: 'network', message: 'S3 could not be reached.' } as const;

describe('paging a listing', () => {
  it('a page after a failed one clears the error and lets scrolling page again', () => {
    const failed = withPageFailed({ ...firstPage, loadingMore: true }, failure);
    expect(failed).toMatchObject({ status: 'error', error: failure, loadingMore: false, canLoadMore: true });
    expect(pagesOnScroll(failed, '')).toBe(false);
    // The failed page can be asked again (Load more).
    expect(showsLoadMore(failed, '')).toBe(true);

    const next = withPageAppended(
      { ...failed, loadingMore: true },
      { rows: page(3, 2), truncated: true, hasNext: true },
    );
    expect(next.status).toBe('fresh');
    expect(next.error).toBeUndefined();
    expect(next.rows.map((row) => row.name)).toEqual(['key-0', 'key-1', 'key-2', 'key-3', 'key-4']);
    expect(pagesOnScroll(next, '')).toBe(true);
  });

  it('the last page ends paging', () => {
    const last = withPageAppended(firstPage, { rows: page(3, 1), truncated: false, hasNext: false });
    expect(last).toMatchObject({ truncated: false, canLoadMore: false });
    expect(pagesOnScroll(last, '')).toBe(false);
    expect(showsLoadMore(last, '')).toBe(false);
  });

  it('keeps the rows already made as they are', () => {
    const next = withPageAppended(firstPage, { rows: page(3, 1), truncated: false, hasNext: false });
    expect(next.rows[0]).toBe(firstPage.rows[0]);
  });

  it('pages a server search, whose text the filter holds, by scroll and by Load more', () => {
    const search: ListingState = { ...firstPage, search: 'key-' };
    expect(pagesOnScroll(search, 'key-')).toBe(true);
    expect(showsLoadMore(search, 'key-')).toBe(true);
    // Typed on after the search: the search's keys can still be loaded, but only when asked.
    expect(pagesOnScroll(search, 'key-10')).toBe(false);
    expect(showsLoadMore(search, 'key-10')).toBe(true);
  });

  it('a filter over a folder (no server search) pages neither way: the filter narrows what is loaded', () => {
    expect(pagesOnScroll(firstPage, 'key')).toBe(false);
    expect(showsLoadMore(firstPage, 'key')).toBe(false);
  });

  it('offers no Load more before the fresh listing brings a continuation token (cached or loading)', () => {
    const cached: ListingState = { ...firstPage, status: 'cached', canLoadMore: false };
    expect(showsLoadMore(cached, '')).toBe(false);
    expect(pagesOnScroll(cached, '')).toBe(false);
  });

  it('asks for no page while one is loading', () => {
    expect(pagesOnScroll({ ...firstPage, loadingMore: true }, '')).toBe(false);
  });
});
