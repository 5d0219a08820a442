import { normalizeEndpoint } from './endpoint';
import { PresignError } from './errors';
import type { S3ObjectRef } from './parse-s3-url';
import type { Profile } from './profile';

/** What tips the choice when several profiles sign for the same store. */
export interface ChoiceHints {
  /** The profile to use, full stop (the popup's explicit pick); refused when it signs for another store. */
  profileId?: string | undefined;
  /** `endpoint|bucket` → profile id: the profile the user picked for a bucket, or that last signed for it. */
  bucketProfiles?: Readonly<Record<string, string>> | undefined;
  /** The profile open in the popup: preferred among equals when the bucket has no remembered one. */
  preferredId?: string | undefined;
}

export interface ProfileChoice {
  profile: Profile;
  /** Set only when several profiles could sign: why this one ("the one last used for bucket “b”"). */
  reason?: string;
  /** How many other profiles could have signed (0 when the choice was explicit). */
  others: number;
}

/** The key of utils/adapters/storage.ts's per-bucket maps: the profile's endpoint or "aws", then the bucket. */
export function bucketKey(endpoint: string | undefined, bucket: string): `${string}|${string}` {
  return `${endpoint ?? 'aws'}|${bucket}`;
}

/** The profile's endpoint in the parser's normalized form, or undefined for AWS or an unusable endpoint. */
function profileEndpoint(profile: Profile): string | undefined {
  if (!profile.endpoint) return undefined;
  try {
    return normalizeEndpoint(profile.endpoint);
  } catch {
    return undefined;
  }
}

/** The custom endpoints the parser should recognise, from the user's profiles. */
export function knownEndpoints(profiles: readonly Profile[]): string[] {
  return [...new Set(profiles.map(profileEndpoint).filter((endpoint) => endpoint !== undefined))];
}

/** The profiles that sign for the object's store: the same custom endpoint, or AWS for an AWS link. */
export function candidatesFor(ref: Pick<S3ObjectRef, 'endpoint'>, profiles: readonly Profile[]): Profile[] {
  return profiles.filter((profile) =>
    ref.endpoint === undefined ? !profile.endpoint : profileEndpoint(profile) === ref.endpoint,
  );
}

function noProfile(ref: S3ObjectRef, profiles: readonly Profile[]): PresignError {
  const store = ref.endpoint ?? 'AWS S3';
  return new PresignError(
    'no-profile',
    profiles.length === 0
      ? 'No profile yet: open S3 Presign from the toolbar and add your access keys first.'
      : `No profile signs for ${store} (bucket “${ref.bucket}”). Add a profile ${ref.endpoint ? `with the endpoint ${ref.endpoint}` : 'for AWS (no custom endpoint)'} in S3 Presign.`,
  );
}

/** Among several candidates: the first rule that names one wins, and says why. */
function pickAmong(ref: S3ObjectRef, candidates: Profile[], hints: ChoiceHints): ProfileChoice {
  // Keys hold each profile's endpoint as typed ("…:7480/" or "…:7480"): look under every candidate's.
  const rememberedIds = new Set(
    candidates.map((profile) => hints.bucketProfiles?.[bucketKey(profile.endpoint, ref.bucket)]),
  );
  const remembered = candidates.find((profile) => rememberedIds.has(profile.id));
  const rules: [Profile | undefined, string][] = [
    [remembered, `the one last used for bucket “${ref.bucket}”`],
    [candidates.find((p) => p.defaultBucket === ref.bucket), `whose default bucket is “${ref.bucket}”`],
    [candidates.find((p) => p.id === hints.preferredId), 'the one open in the popup'],
    [
      candidates.find((p) => ref.region !== undefined && p.region === ref.region),
      `set to region ${ref.region}`,
    ],
  ];
  const [profile, why] = rules.find(([match]) => match !== undefined) ?? [
    candidates[0] as Profile,
    'the first in your list',
  ];
  return { profile: profile as Profile, reason: why, others: candidates.length - 1 };
}

/**
 * Picks the profile that signs for an object: among those for the same store (custom endpoint or AWS), the
 * explicit one, else the only one, else the one remembered for the bucket, then default bucket, popup, region.
 */
export function chooseProfile(
  ref: S3ObjectRef,
  profiles: readonly Profile[],
  hints: ChoiceHints = {},
): ProfileChoice {
  const candidates = candidatesFor(ref, profiles);
  if (hints.profileId !== undefined) {
    const asked = profiles.find((profile) => profile.id === hints.profileId);
    if (asked && candidates.includes(asked)) return { profile: asked, others: 0 };
    if (!asked) {
      throw new PresignError(
        'no-profile',
        'The profile chosen for this link no longer exists: pick a profile again in S3 Presign.',
      );
    }
    throw new PresignError(
      'no-profile',
      `The profile “${asked.name}” signs for ${asked.endpoint ?? 'AWS S3'}, not for ${ref.endpoint ?? 'AWS S3'} where bucket “${ref.bucket}” is: pick another profile.`,
    );
  }
  const [only] = candidates;
  if (!only) throw noProfile(ref, profiles);
  return candidates.length === 1 ? { profile: only, others: 0 } : pickAmong(ref, candidates, hints);
}
