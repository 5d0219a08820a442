import type { JSX } from 'preact';
import { i18n } from '#i18n';
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
  let text: string;
  if (listing.status === 'loading') text = i18n.t('listingStatus.loading');
  else if (filter && shown === 0) text = i18n.t('listingStatus.noMatch', { filter });
  else if (total === 0 && listing.status !== 'error')
    text = isBucketList ? i18n.t('listingStatus.noBuckets') : i18n.t('listingStatus.empty');
  else {
    const counts = { shown: shown.toLocaleString(), total: total.toLocaleString() };
    const parts = [
      filter
        ? isBucketList
          ? i18n.t('listingStatus.bucketsOf', counts)
          : i18n.t('listingStatus.itemsOf', counts)
        : isBucketList
          ? i18n.t('listingStatus.buckets', total, { n: counts.total })
          : i18n.t('listingStatus.items', total, { n: counts.total }),
    ];
    if (listing.truncated)
      parts.push(listing.loadingMore ? i18n.t('listingStatus.loadingMore') : i18n.t('listingStatus.more'));
    if (listing.status === 'cached') parts.push(i18n.t('listingStatus.refreshing'));
    text = parts.join(' · ');
  }
  return (
    <p class="status" role="status">
      {listing.search !== undefined && (
        <>
          {i18n.t('listingStatus.search', { search: listing.search })} ·{' '}
          <button type="button" class="link" onClick={listing.clearSearch}>
            {i18n.t('listingStatus.showAll')}
          </button>{' '}
          ·{' '}
        </>
      )}
      {text}
    </p>
  );
}
