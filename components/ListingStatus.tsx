import type { JSX } from 'preact';
import type { Listing } from '@/components/hooks/use-listing';

interface ListingStatusProps {
  listing: Listing;
  shown: number;
  filter: string;
  isBucketList: boolean;
}

/** One line saying what the list holds: loading, cached, how many, more on the server, a server search. */
export function ListingStatus({ listing, shown, filter, isBucketList }: ListingStatusProps): JSX.Element {
  const total = listing.rows.length;
  const what = isBucketList ? 'bucket' : 'item';
  let text: string;
  if (listing.status === 'loading') text = 'Loading…';
  else if (filter && shown === 0) text = `No loaded name contains “${filter}”.`;
  else if (total === 0 && listing.status !== 'error')
    text = isBucketList ? 'No buckets in this account.' : 'This folder is empty.';
  else {
    text = filter
      ? `${shown.toLocaleString()} of ${total.toLocaleString()} ${what}s`
      : `${total.toLocaleString()} ${what}${total === 1 ? '' : 's'}`;
    if (listing.truncated) text += listing.loadingMore ? ' · loading more…' : ' · more on the server';
    if (listing.status === 'cached') text += ' · refreshing…';
  }
  return (
    <p class="status" role="status">
      {listing.search !== undefined && (
        <>
          Keys starting with “{listing.search}” ·{' '}
          <button type="button" class="link" onClick={listing.clearSearch}>
            show the whole folder
          </button>{' '}
          ·{' '}
        </>
      )}
      {text}
    </p>
  );
}
