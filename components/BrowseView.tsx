import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Listing, Location } from '@/components/hooks/use-listing';
import { type Row, rowFilter } from '@/utils/listing';
import { moveActive } from '@/utils/virtual-window';
import { Breadcrumbs } from './Breadcrumbs';
import { ErrorNotice } from './ErrorNotice';
import { ListingStatus } from './ListingStatus';
import { ObjectList, ROW_HEIGHT, rowId } from './ObjectList';
import { OpenBucket } from './OpenBucket';

interface BrowseViewProps {
  listing: Listing;
  location: Location;
  onGo: (location: Location) => void;
  onOptions: (row: Extract<Row, { kind: 'object' }>) => void;
  onCopy: (row: Extract<Row, { kind: 'object' }>) => void;
  onUseRegion: (region: string) => void;
}

const LIST_ID = 'listing';

/** Buckets and folders: breadcrumbs, an instant filter that owns the keyboard, and the virtualized list. */
export function BrowseView({
  listing,
  location,
  onGo,
  onOptions,
  onCopy,
  onUseRegion,
}: BrowseViewProps): JSX.Element {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  // Only a new filter or new rows filter again, and the filter remembers the needles typed so far: with
  // 100,000 rows loaded, a keystroke must stay within a frame.
  const [filterOf] = useState(rowFilter);
  const rows = useMemo(() => filterOf(listing.rows, filter), [filterOf, listing.rows, filter]);
  const isBucketList = location.bucket === '';

  useEffect(() => {
    setFilter('');
    setActive(0);
  }, [location.bucket, location.prefix]);

  const open = (row: Row | undefined, copy: boolean): void => {
    if (!row) return;
    if (row.kind === 'bucket') onGo({ bucket: row.name, prefix: '' });
    else if (row.kind === 'folder') onGo({ bucket: location.bucket, prefix: row.prefix });
    else if (copy) onCopy(row);
    else onOptions(row);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const moved = moveActive(active, event.key, rows.length, Math.floor(320 / ROW_HEIGHT));
    if (moved !== undefined && !['Home', 'End'].includes(event.key)) {
      event.preventDefault();
      setActive(moved);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(rows[active], !event.shiftKey);
    } else if (event.key === 'Escape' && filter) {
      // Clears the filter; with nothing to clear, Escape goes up a level (Browser's useEscapeUp).
      event.preventDefault();
      setFilter('');
    }
  };

  const { truncated, loadingMore, status, loadMore } = listing;
  const nearEnd = useCallback((): void => {
    if (truncated && !loadingMore && status === 'fresh' && !filter) loadMore();
  }, [truncated, loadingMore, status, filter, loadMore]);

  const serverSearch = !isBucketList && filter && (listing.truncated || listing.search !== undefined);
  return (
    <section class="stack browse" aria-label="Browse">
      <Breadcrumbs location={location} onGo={onGo} />
      <input
        type="search"
        class="filter"
        // biome-ignore lint/a11y/noRedundantRoles: `list` is left unset (see below), so the role must be explicit.
        role="combobox"
        // Preact types a combobox input as needing `list`; this one drives a listbox through aria-controls.
        list={undefined}
        aria-label={isBucketList ? 'Filter buckets' : 'Filter this folder'}
        aria-expanded="true"
        aria-controls={LIST_ID}
        aria-activedescendant={rows.length > 0 ? rowId(LIST_ID, active) : undefined}
        placeholder={isBucketList ? 'Filter buckets' : 'Filter · ↑↓ move · Enter copies · Esc up'}
        spellcheck={false}
        // biome-ignore lint/a11y/noAutofocus: the popup's whole job starts here; keyboard users expect focus in the filter.
        autoFocus
        value={filter}
        onInput={(event) => {
          setFilter(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {listing.error && (
        <ErrorNotice message={listing.error.message}>
          {listing.error.region && (
            <button type="button" onClick={() => onUseRegion(listing.error?.region as string)}>
              Use {listing.error.region} for this bucket
            </button>
          )}
          <button type="button" class="secondary" onClick={listing.refresh}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {isBucketList && listing.status === 'error' && (
        <OpenBucket onOpen={(bucket) => onGo({ bucket, prefix: '' })} />
      )}
      <ListingStatus listing={listing} shown={rows.length} filter={filter} isBucketList={isBucketList} />
      {serverSearch && (
        <button type="button" class="secondary" onClick={() => listing.searchServer(filter)}>
          Search the server for keys starting with “{filter}”
        </button>
      )}
      {rows.length > 0 && (
        <ObjectList
          id={LIST_ID}
          rows={rows}
          active={Math.min(active, rows.length - 1)}
          label={isBucketList ? 'Buckets' : `Folder ${location.bucket}/${location.prefix}`}
          onOpen={(index) => {
            setActive(index);
            open(rows[index], false);
          }}
          onCopy={(index) => open(rows[index], true)}
          onNearEnd={nearEnd}
        />
      )}
      {listing.truncated && !filter && listing.status !== 'loading' && (
        <button type="button" class="secondary" disabled={listing.loadingMore} onClick={listing.loadMore}>
          {listing.loadingMore ? 'Loading more…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
