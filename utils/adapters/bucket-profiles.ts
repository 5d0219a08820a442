import { bucketKey } from '../choose-profile';
import type { Profile } from '../profile';
import { bucketProfilesItem } from './storage';

/**
 * The profile the menu and the shortcut sign a bucket's links with from now on: the one that last signed for it,
 * or that the user opened it with in the popup.
 */
export async function rememberBucketProfile(profile: Profile, bucket: string): Promise<void> {
  const address = bucketKey(profile.endpoint, bucket, profile.region);
  const map = await bucketProfilesItem.getValue();
  if (map[address] !== profile.id) await bucketProfilesItem.setValue({ ...map, [address]: profile.id });
}
