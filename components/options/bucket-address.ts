import { i18n } from '#i18n';

/**
 * A stored bucket address (utils/choose-profile's bucketKey: "ENDPOINT|bucket", or "PARTITION|bucket" for AWS) as
 * the bucket's name and where it lives: the endpoint, "AWS", or "AWS (aws-cn)" for another partition.
 */
export function splitBucketAddress(address: string): { bucket: string; where: string } {
  const cut = address.lastIndexOf('|');
  const place = address.slice(0, cut);
  const where =
    place === 'aws'
      ? i18n.t('defaults.aws')
      : place.startsWith('aws-')
        ? i18n.t('defaults.awsPartition', { partition: place })
        : place;
  return { bucket: address.slice(cut + 1), where };
}
