import type { JSX } from 'preact';
import { i18n } from '#i18n';
import type { Location } from '@/components/hooks/use-listing';
import { breadcrumbs } from '@/utils/listing';

interface BreadcrumbsProps {
  location: Location;
  onGo: (location: Location) => void;
}

/** Buckets › bucket › folder › folder: each crumb but the last goes there. */
export function Breadcrumbs({ location, onGo }: BreadcrumbsProps): JSX.Element {
  const crumbs: { label: string; to: Location }[] = [
    { label: i18n.t('crumbs.buckets'), to: { bucket: '', prefix: '' } },
  ];
  if (location.bucket) {
    crumbs.push({ label: location.bucket, to: { bucket: location.bucket, prefix: '' } });
    for (const crumb of breadcrumbs(location.prefix))
      crumbs.push({ label: crumb.label, to: { bucket: location.bucket, prefix: crumb.prefix } });
  }
  return (
    <nav aria-label={i18n.t('crumbs.nav')} class="crumbs">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={`${crumb.to.bucket}/${crumb.to.prefix}`}>
            {index === crumbs.length - 1 ? (
              <span aria-current="location">{crumb.label}</span>
            ) : (
              <button type="button" class="link" onClick={() => onGo(crumb.to)}>
                {crumb.label}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
