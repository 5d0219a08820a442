import { i18n } from '#i18n';

/**
 * A stored bucket address (utils/choose-profile's bucketKey: "ENDPOINT|bucket", or "PARTITION|bucket" for AWS) as
 * the bucket's name and where it lives: the endpoint, "AWS", or "AWS (aws-cn)" for another partition.
 */
export function splitBucketAddress(address: string): { bucket: string; where: string } {
  const cut = address.lastIndexOf('|');
  const place = address.slice(0, cut);
  const aws = i18n.t('defaults.aws');
  const where = place === 'aws' ? aws : place.startsWith('aws-') ? `${aws} (${place})` : place;
  return { bucket: address.slice(cut + 1), where };
}
