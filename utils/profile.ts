import type { Credentials } from './presign';

/** A set of keys and where they sign for. Secrets live in storage.local only (see utils/adapters/storage.ts). */
export interface Profile {
  id: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary (STS) credentials only. */
  sessionToken?: string;
  /** ISO time at which temporary credentials end. */
  sessionExpiration?: string;
  region: string;
  /** S3-compatible store's base URL; absent for AWS. */
  endpoint?: string;
  /** Bucket in the path rather than the host name. Custom endpoints default to it. */
  forcePathStyle: boolean;
  /** Bucket the popup opens, and the one tested when ListBuckets is denied. */
  defaultBucket?: string;
}

/** The parts of a profile that are safe to show or log: never the secret or the token. */
export function describeProfile(profile: Pick<Profile, 'name' | 'endpoint' | 'region'>): string {
  return `${profile.name} (${profile.endpoint ?? `AWS ${profile.region}`})`;
}

/** The signing credentials of a profile; temporary ones carry their token and end. */
export function credentialsOf(profile: Profile): Credentials {
  return {
    accessKeyId: profile.accessKeyId,
    secretAccessKey: profile.secretAccessKey,
    ...(profile.sessionToken ? { sessionToken: profile.sessionToken } : {}),
    ...(profile.sessionExpiration ? { expiration: new Date(profile.sessionExpiration) } : {}),
  };
}
