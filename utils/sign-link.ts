import { i18n } from '#i18n';
import {
  type ChoiceHints,
  chooseProfile,
  knownEndpoints,
  learnedRegion,
  type ProfileChoice,
} from './choose-profile';
import { isPresignError, PresignError } from './errors';
import { parseS3Url, type S3ObjectRef } from './parse-s3-url';
import { type HttpMethod, type PresignWarning, presign } from './presign';
import { credentialsOf, type Profile } from './profile';

export interface SignLinkRequest {
  /** Any link to an S3 object: object URL, s3:// URI, console page, custom endpoint, already-signed link. */
  url: string;
  method: HttpMethod;
  expiresIn: number;
  /** Sign with this profile rather than letting the link's store and bucket choose. */
  profileId?: string | undefined;
  /** Store's clock minus this computer's (ms), once Test found them apart: the link is signed on the store's. */
  clockOffsetMs?: number | undefined;
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
  /** The profile that signed (absent from links signed before profile ids were reported). */
  profileId?: string;
  /** Why that profile, when several could sign: "the one last used for bucket “b”; 1 other profile could sign". */
  profileNote?: string;
  requiredHeaders: Record<string, string>;
  warnings: PresignWarning[];
}

/** Everything stored that signing reads, as plain data. */
export interface SigningState extends ChoiceHints {
  profiles: readonly Profile[];
  /** bucketKey → the region S3 named for a bucket outside its profile's region. */
  regions?: Readonly<Record<string, string>> | undefined;
}

/** An object picked in the popup, named by profile rather than URL (storage.ts's LastPicked). */
export interface ObjectPick {
  profileId: string;
  bucket: string;
  key: string;
  versionId?: string | undefined;
}

/** Puts the profile's name on failures that come from its keys, so the user knows which one to fix. */
function nameProfile(error: unknown, profile: Profile): unknown {
  const codes = ['credentials-expired', 'invalid-credentials', 'invalid-region', 'invalid-endpoint'] as const;
  if (!codes.some((code) => isPresignError(error, code))) return error;
  const { code, message } = error as PresignError;
  return new PresignError(code, i18n.t('signLink.profileSays', { name: profile.name, message }), {
    cause: error,
  });
}

function noteFor(choice: ProfileChoice): string | undefined {
  if (choice.reason === undefined) return undefined;
  return i18n.t('signLink.note', choice.others, { reason: choice.reason, n: choice.others });
}

/**
 * Signs a fresh link for a parsed object with the chosen profile. The region: the one the URL states, else the
 * one learnt for the bucket, else the one the URL hints at (the console's subdomain), else the profile's.
 */
export async function signRef(
  ref: S3ObjectRef,
  choice: ProfileChoice,
  request: Pick<SignLinkRequest, 'method' | 'expiresIn'>,
  now: Date,
  regions: Readonly<Record<string, string>> = {},
): Promise<SignedLink> {
  const { profile } = choice;
  const result = await presign({
    credentials: credentialsOf(profile),
    region: ref.region ?? learnedRegion(profile, ref.bucket, regions) ?? ref.regionHint ?? profile.region,
    ...(profile.endpoint ? { endpoint: profile.endpoint, forcePathStyle: profile.forcePathStyle } : {}),
    ...(ref.variant ? { variant: ref.variant } : {}),
    ...(ref.versionId && request.method === 'GET' ? { versionId: ref.versionId } : {}),
    bucket: ref.bucket,
    key: ref.key,
    method: request.method,
    expiresIn: request.expiresIn,
    now,
  }).catch((error: unknown) => {
    throw nameProfile(error, profile);
  });
  const note = noteFor(choice);
  return {
    url: result.url,
    method: result.method,
    bucket: ref.bucket,
    key: ref.key,
    expiresIn: result.expiresIn,
    expiresAt: result.expiresAt.toISOString(),
    profileName: profile.name,
    profileId: profile.id,
    ...(note ? { profileNote: note } : {}),
    requiredHeaders: result.requiredHeaders,
    warnings: result.warnings,
  };
}

/** Parses a link, finds the profile for its store and bucket, and signs a fresh link for the object it names. */
export async function signLink(
  request: SignLinkRequest,
  state: SigningState,
  now: Date,
): Promise<SignedLink> {
  const ref = parseS3Url(request.url, knownEndpoints(state.profiles));
  const choice = chooseProfile(ref, state.profiles, { ...state, profileId: request.profileId });
  return signRef(ref, choice, request, now, state.regions);
}

/** Signs an object picked in the popup with the profile it was picked with. */
export async function signPick(
  pick: ObjectPick,
  request: Pick<SignLinkRequest, 'method' | 'expiresIn'>,
  state: SigningState,
  now: Date,
): Promise<SignedLink> {
  const profile = state.profiles.find((candidate) => candidate.id === pick.profileId);
  if (!profile) {
    throw new PresignError('no-profile', i18n.t('signLink.pickGone', { key: pick.key }));
  }
  const ref: S3ObjectRef = {
    bucket: pick.bucket,
    key: pick.key,
    ...(pick.versionId ? { versionId: pick.versionId } : {}),
    addressing: 's3-uri',
    presigned: false,
  };
  return signRef(ref, { profile, others: 0 }, request, now, state.regions);
}
