import { attachmentDisposition } from './content-disposition';
import { type HttpMethod, presign } from './presign';
import { credentialsOf, type Profile } from './profile';
import type { SignedLink } from './sign-link';

/** What the popup asks for one object it browsed to. */
export interface SignObjectRequest {
  bucket: string;
  key: string;
  method: HttpMethod;
  expiresIn: number;
  versionId?: string | undefined;
  /** GET: the name the download is saved under (sent back as Content-Disposition). */
  downloadName?: string | undefined;
  /** GET: the Content-Type S3 answers with. */
  responseContentType?: string | undefined;
  /** PUT: the Content-Type the uploader must send. */
  contentType?: string | undefined;
}

/** Signs a link for an object named by profile, bucket and key (no URL to parse); `region` overrides the profile's. */
export async function signObject(
  profile: Profile,
  request: SignObjectRequest,
  now: Date,
  region?: string,
): Promise<SignedLink> {
  const get = request.method === 'GET';
  const result = await presign({
    credentials: credentialsOf(profile),
    region: region ?? profile.region,
    ...(profile.endpoint ? { endpoint: profile.endpoint, forcePathStyle: profile.forcePathStyle } : {}),
    bucket: request.bucket,
    key: request.key,
    method: request.method,
    expiresIn: request.expiresIn,
    now,
    ...(get && request.versionId ? { versionId: request.versionId } : {}),
    ...(get && request.downloadName
      ? { responseContentDisposition: attachmentDisposition(request.downloadName) }
      : {}),
    ...(get && request.responseContentType ? { responseContentType: request.responseContentType } : {}),
    ...(!get && request.contentType ? { contentType: request.contentType } : {}),
  });
  return {
    url: result.url,
    method: result.method,
    bucket: request.bucket,
    key: request.key,
    expiresIn: result.expiresIn,
    expiresAt: result.expiresAt.toISOString(),
    profileName: profile.name,
    requiredHeaders: result.requiredHeaders,
    warnings: result.warnings,
  };
}
