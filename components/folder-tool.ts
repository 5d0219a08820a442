import type { Profile } from '@/utils/profile';

/** What every folder tool (bulk links, upload, browser-form upload) is given by the browser. */
export interface FolderToolProps {
  profile: Profile;
  /** The bucket's learned region, when it differs from the profile's. */
  region: string | undefined;
  bucket: string;
  /** The folder shown ("" at the bucket's root). */
  prefix: string;
  defaultExpiresIn: number;
  onBack: () => void;
}
