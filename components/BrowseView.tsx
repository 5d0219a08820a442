import type { JSX } from 'preact';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { anchorIndex, type BrowseStateOf } from '@/components/hooks/browse-state';
import type { Listing, Location } from '@/components/hooks/use-listing';
import { browseKeyAction, isImeKey } from '@/utils/browse-keys';
import { pagesOnScroll, showsLoadMore } from '@/utils/browse-listing';
import { selectedIndex, selectionAt } from '@/utils/browse-selection';
import { markRange, NOTHING_MARKED, toggleMarked } from '@/utils/bulk-selection';
import { type Row, rowFilter } from '@/utils/listing';
import { Breadcrumbs } from './Breadcrumbs';
import { ErrorNotice } from './ErrorNotice';
import { ListingStatus } from './ListingStatus';
import { ObjectList, ROW_HEIGHT, rowId } from './ObjectList';
import { OpenBucket } from './OpenBucket';

interface BrowseViewProps {
  listing: Listing;
  location: Location;
  /** The filter and selected row, kept by Browser so that they outlive this view (an object's options replace it). */
  browse: BrowseStateOf;
  onGo: (location: Location) => void;
  onOptions: (row: Extract<Row, { kind: 'object' }>) => void;
  onCopy: (row: Extract<Row, { kind: 'object' }>) => void;
  onUseRegion: (region: string) => void;
  /** Opens a folder tool: links for the ticked objects or the whole folder, upload, browser-form upload. */
  onTool: (tool: FolderTool) => void;
}

export type FolderTool = 'marked-links' | 'folder-links' | 'upload' | 'post-policy';

const LIST_ID = 'listing';
const PAGE_ROWS = Math.floor(320 / ROW_HEIGHT);

/** Buckets and folders: breadcrumbs, an instant filter that owns the keyboard, and the virtualized list. */
export function BrowseView({
  listing,
  location,
  browse,
  onGo,
  onOptions,
  onCopy,
  onUseRegion,
  onTool,
}: BrowseViewProps): JSX.Element {
  const { filter } = browse;
  // Only a new filter or new rows filter again, and the filter remembers the needles typed so far: with
  // 100,000 rows loaded, a keystroke must stay within a frame.
  const [filterOf] = useState(rowFilter);
  const rows = useMemo(() => filterOf(listing.rows, filter), [filterOf, listing.rows, filter]);
  // The selected row is found by its id in the rows of this render: -1 when there are none.
  const active = useMemo(() => selectedIndex(rows, browse.selection), [rows, browse.selection]);
  const isBucketList = location.bucket === '';
  const filterBox = useFocusOnArrival(location);
  /** Said when Space is pressed on a row that cannot be ticked (a folder). */
  const [tickHint, setTickHint] = useState<string | undefined>(undefined);

  const open = (row: Row | undefined, copy: boolean): void => {
    if (!row) return;
    if (row.kind === 'bucket') onGo({ bucket: row.name, prefix: '' });
    else if (row.kind === 'folder') onGo({ bucket: location.bucket, prefix: row.prefix });
    else if (copy) onCopy(row);
    else onOptions(row);
  };

  const toggle = (index: number, range: boolean): void => {
    const row = rows[index];
    browse.setMarked(
      range
        ? markRange(browse.marked, rows, anchorIndex(rows, browse.anchor, index), index)
        : toggleMarked(browse.marked, row),
      row?.kind === 'object' ? row.id : undefined,
    );
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    // Space ticks the selected object (Shift+Space: a range) while the filter is empty; once text is typed,
    // Space is part of it (keys may hold spaces). Ctrl/Alt/Meta+Space are left alone (Ctrl+Space toggles an IME).
    const plainSpace = event.key === ' ' && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (plainSpace && !filter && !isBucketList && !isImeKey(event) && active >= 0) {
      event.preventDefault();
      if (rows[active]?.kind === 'object') {
        toggle(active, event.shiftKey);
        setTickHint(undefined);
      } else setTickHint(i18n.t('browseView.folderNoTick'));
      return;
    }
    setTickHint(undefined);
    const action = browseKeyAction(event, { active, count: rows.length, filter, pageRows: PAGE_ROWS });
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') browse.setSelection(selectionAt(rows, action.index));
    else if (action.kind === 'open') open(rows[active], action.copy);
    // Clears the filter; with nothing to clear, Escape goes up a level (Browser's useEscapeUp).
    else browse.setFilter('');
  };

  const { canLoadMore, loadingMore, status, search, loadMore } = listing;
  const nearEnd = useCallback((): void => {
    if (pagesOnScroll({ canLoadMore, loadingMore, status, search }, filter)) loadMore();
  }, [canLoadMore, loadingMore, status, search, filter, loadMore]);

  const serverSearch = !isBucketList && filter && (listing.truncated || listing.search !== undefined);
  return (
    <section class="stack browse" aria-label={i18n.t('browseView.label')}>
      <Breadcrumbs location={location} onGo={onGo} />
      <input
        ref={filterBox}
        type="search"
        class="filter"
        // biome-ignore lint/a11y/noRedundantRoles: `list` is left unset (see below), so the role must be explicit.
        role="combobox"
        // Preact types a combobox input as needing `list`; this one drives a listbox through aria-controls.
        list={undefined}
        aria-label={isBucketList ? i18n.t('browseView.filterBuckets') : i18n.t('browseView.filterFolder')}
        aria-expanded="true"
        aria-controls={LIST_ID}
        aria-activedescendant={active >= 0 ? rowId(LIST_ID, active) : undefined}
        placeholder={isBucketList ? i18n.t('browseView.filterBuckets') : i18n.t('browseView.filterHint')}
        spellcheck={false}
        value={filter}
        onInput={(event) => browse.setFilter(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {listing.error && (
        <ErrorNotice message={listing.error.message}>
          {listing.error.region && (
            <button type="button" onClick={() => onUseRegion(listing.error?.region as string)}>
              {i18n.t('browseView.useRegion', { region: listing.error.region })}
            </button>
          )}
          <button type="button" class="secondary" onClick={listing.refresh}>
            {i18n.t('browseView.retry')}
          </button>
        </ErrorNotice>
      )}
      {isBucketList && listing.status === 'error' && (
        <OpenBucket onOpen={(bucket) => onGo({ bucket, prefix: '' })} />
      )}
      {!isBucketList && (
        <FolderTools
          count={browse.marked.size}
          onTool={onTool}
          onClear={() => browse.setMarked(NOTHING_MARKED)}
        />
      )}
      {!isBucketList && (
        <p class={tickHint ? 'hint' : 'visually-hidden'} role="status">
          {tickHint ?? ''}
        </p>
      )}
      <ListingStatus listing={listing} shown={rows.length} filter={filter} isBucketList={isBucketList} />
      {serverSearch && (
        <button type="button" class="secondary" onClick={() => listing.searchServer(filter)}>
          {i18n.t('browseView.searchServer', { filter })}
        </button>
      )}
      {active >= 0 && (
        <ObjectList
          id={LIST_ID}
          rows={rows}
          active={active}
          label={
            isBucketList
              ? i18n.t('browseView.buckets')
              : i18n.t('browseView.folder', { path: `${location.bucket}/${location.prefix}` })
          }
          marked={isBucketList ? undefined : browse.marked}
          onToggle={toggle}
          onOpen={(index) => {
            browse.setSelection(selectionAt(rows, index));
            open(rows[index], false);
          }}
          onCopy={(index) => open(rows[index], true)}
          onNearEnd={nearEnd}
        />
      )}
      {showsLoadMore(listing, filter) && (
        <button type="button" class="secondary" disabled={listing.loadingMore} onClick={listing.loadMore}>
          {listing.loadingMore ? i18n.t('browseView.loadingMore') : i18n.t('browseView.loadMore')}
        </button>
      )}
    </section>
  );
}

/** The folder's tools, and what to do with the objects ticked. */
function FolderTools({
  count,
  onTool,
  onClear,
}: {
  count: number;
  onTool: (tool: FolderTool) => void;
  onClear: () => void;
}): JSX.Element {
  return (
    <fieldset class="folder-tools">
      <legend class="visually-hidden">{i18n.t('browseView.tools')}</legend>
      {count > 0 ? (
        <>
          <span class="marked-count">
            {i18n.t('browseView.ticked', { n: count.toLocaleString('en-US') })}
          </span>
          <button type="button" class="link" onClick={() => onTool('marked-links')}>
            {i18n.t('browseView.linksTicked')}
          </button>
          <button type="button" class="link" onClick={onClear}>
            {i18n.t('browseView.untick')}
          </button>
        </>
      ) : (
        <button type="button" class="link" onClick={() => onTool('folder-links')}>
          {i18n.t('browseView.linksFolder')}
        </button>
      )}
      <button type="button" class="link" onClick={() => onTool('upload')}>
        {i18n.t('browseView.upload')}
      </button>
      <button type="button" class="link" onClick={() => onTool('post-policy')}>
        {i18n.t('browseView.uploadForm')}
      </button>
    </fieldset>
  );
}

/**
 * Puts the focus in the filter when the view appears and whenever the location changes, so the keys work at
 * once: the popup's job starts there. `autoFocus` is not enough: a page honours it once, so coming back from an
 * object's options or another screen left the focus on <body>, and so did a click on a folder row (the row
 * clicked, which had the focus, is gone from the next folder).
 */
function useFocusOnArrival(location: Location) {
  const filterBox = useRef<HTMLInputElement>(null);
  // A layout effect: focused before the browser paints, so no keystroke lands on <body> meanwhile.
  useLayoutEffect(() => {
    filterBox.current?.focus();
  }, [location.bucket, location.prefix]);
  return filterBox;
}
