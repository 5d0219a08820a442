import type { HttpMethod } from '../presign';
import { type SignedLink, signLink } from '../sign-link';
import { preferencesItem, profilesItem } from './storage';

/** Signs a link for an S3 URL with the profiles in storage; the expiry defaults to the user's. */
export async function signWithStoredProfiles(request: {
  url: string;
  method: HttpMethod;
  expiresIn?: number | undefined;
}): Promise<SignedLink> {
  const [profiles, preferences] = await Promise.all([profilesItem.getValue(), preferencesItem.getValue()]);
  return signLink(
    {
      url: request.url,
      method: request.method,
      expiresIn: request.expiresIn ?? preferences.defaultExpiresIn,
    },
    profiles,
    new Date(),
    preferences.lastProfileId,
  );
}
