import { chooseProfile, knownEndpoints } from './choose-profile';
import { parseS3Url } from './parse-s3-url';
import { type HttpMethod, type PresignWarning, presign } from './presign';
import type { Profile } from './profile';

export interface SignLinkRequest {
  /** Any link to an S3 object: object URL, s3:// URI, console page, custom endpoint, already-signed link. */
  url: string;
  method: HttpMethod;
  expiresIn: number;
}

/** A signed link and what the user should be told about it; plain data, so it can cross messages. */
export interface SignedLink {
  url: string;
  method: HttpMethod;
  bucket: string;
  key: string;
  expiresIn: number;
  /** ISO time the link stops working. */
  expiresAt: string;
  profileName: string;
  requiredHeaders: Record<string, string>;
  warnings: PresignWarning[];
}

/** Parses a link, finds the profile for its store and signs a fresh link for the object it names. */
export async function signLink(
  request: SignLinkRequest,
  profiles: readonly Profile[],
  now: Date,
  preferredProfileId?: string,
): Promise<SignedLink> {
  const ref = parseS3Url(request.url, knownEndpoints(profiles));
  const profile = chooseProfile(ref, profiles, preferredProfileId);
  const result = await presign({
    credentials: {
      accessKeyId: profile.accessKeyId,
      secretAccessKey: profile.secretAccessKey,
      ...(profile.sessionToken ? { sessionToken: profile.sessionToken } : {}),
      ...(profile.sessionExpiration ? { expiration: new Date(profile.sessionExpiration) } : {}),
    },
    region: ref.region ?? profile.region,
    ...(profile.endpoint ? { endpoint: profile.endpoint, forcePathStyle: profile.forcePathStyle } : {}),
    ...(ref.variant ? { variant: ref.variant } : {}),
    ...(ref.versionId && request.method === 'GET' ? { versionId: ref.versionId } : {}),
    bucket: ref.bucket,
    key: ref.key,
    method: request.method,
    expiresIn: request.expiresIn,
    now,
  });
  return {
    url: result.url,
    method: result.method,
    bucket: ref.bucket,
    key: ref.key,
    expiresIn: result.expiresIn,
    expiresAt: result.expiresAt.toISOString(),
    profileName: profile.name,
    requiredHeaders: result.requiredHeaders,
    warnings: result.warnings,
  };
}
