import { i18n } from '#i18n';
import { normalizeEndpoint } from './endpoint';
import { PresignError } from './errors';
import type { S3ObjectRef } from './parse-s3-url';
import type { Profile } from './profile';
import { type AwsPartition, partitionOf } from './region';
import type { KnownEndpoint } from './s3-hosts';

/** What tips the choice when several profiles sign for the same store. */
export interface ChoiceHints {
  /** The profile to use, full stop (the popup's explicit pick); refused when it signs for another store. */
  profileId?: string | undefined;
  /** bucketKey → profile id: the profile the user picked for a bucket, or that last signed for it. */
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

/**
 * The key of utils/adapters/storage.ts's per-bucket maps: the profile's endpoint, else its AWS partition, then
 * the bucket. Pass the profile's region for AWS profiles: a bucket name in China (`aws-cn|b`) or GovCloud
 * (`aws-us-gov|b`) is another bucket than the same name in the standard partition, whose keys stay `aws|b`.
 */
export function bucketKey(
  endpoint: string | undefined,
  bucket: string,
  region?: string | undefined,
): `${string}|${string}` {
  if (endpoint !== undefined) return `${endpoint}|${bucket}`;
  return `${region === undefined ? 'aws' : partitionOf(region)}|${bucket}`;
}

/** The partition an AWS profile signs for; undefined for custom endpoints. */
function profilePartition(profile: Pick<Profile, 'endpoint' | 'region'>): AwsPartition | undefined {
  return profile.endpoint ? undefined : partitionOf(profile.region);
}

/**
 * The keys a profile's entries for a bucket may be under, its own first. Before partitions were keyed apart,
 * every AWS bucket was `aws|b`: a China or GovCloud profile's older entries are still read there (a reader
 * checks the value belongs to the profile's partition).
 */
function keysFor(profile: Profile, bucket: string): `${string}|${string}`[] {
  const own = bucketKey(profile.endpoint, bucket, profile.region);
  const legacy = bucketKey(profile.endpoint, bucket);
  return own === legacy ? [own] : [own, legacy];
}

/**
 * The region learnt for a bucket (a 301 from S3, saved in bucketRegions) that applies to this profile: one from
 * another AWS partition is another bucket's, never this one's.
 */
export function learnedRegion(
  profile: Profile,
  bucket: string,
  regions: Readonly<Record<string, string>> = {},
): string | undefined {
  const partition = profilePartition(profile);
  for (const key of keysFor(profile, bucket)) {
    const region = regions[key];
    if (region !== undefined && (partition === undefined || partitionOf(region) === partition)) return region;
  }
  return undefined;
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

// The service hosts of S3-compatible stores that serve every bucket at `bucket.host` too, and whose consoles
// copy links in that form, while the setup presets (utils/providers.ts) sign path-style: DigitalOcean Spaces
// (REGION.digitaloceanspaces.com; REGION.cdn.… is the CDN, not the S3 API), Wasabi (s3.wasabisys.com,
// s3.REGION.wasabisys.com) and Backblaze B2 (s3.REGION.backblazeb2.com). Cloudflare R2 is not listed: the
// parser reads its bucket hosts, jurisdictions included, on its own (s3-hosts.ts's r2Host).
const BUCKET_HOST_SERVICES: readonly RegExp[] = [
  /^[a-z0-9-]+\.digitaloceanspaces\.com$/,
  /^s3(?:\.[a-z0-9-]+)?\.wasabisys\.com$/,
  /^s3\.[a-z0-9-]+\.backblazeb2\.com$/,
];

/** Whether a normalized endpoint is one of those service hosts (no path prefix: the stores use none). */
function servesBucketHosts(endpoint: string): boolean {
  const [, host = '', rest] = /^https?:\/\/([^/:]+)(?::\d+)?(\/.*)?$/.exec(endpoint) ?? [];
  return rest === undefined && BUCKET_HOST_SERVICES.some((service) => service.test(host));
}

/**
 * The custom endpoints the parser should recognise, from the user's profiles: each once, normalized, marked
 * virtual-hosted when its links may be `bucket.host/key`: a profile signs there without path-style, or the
 * endpoint is a store's service host that serves buckets that way whatever the profile signs (Spaces, Wasabi,
 * B2). Such a link is then signed in the profile's own addressing, for the same bucket and key.
 */
export function knownEndpoints(profiles: readonly Profile[]): KnownEndpoint[] {
  const known = new Map<string, boolean>();
  for (const profile of profiles) {
    const endpoint = profileEndpoint(profile);
    if (endpoint === undefined) continue;
    const virtualHosted = profile.forcePathStyle === false || servesBucketHosts(endpoint);
    known.set(endpoint, (known.get(endpoint) ?? false) || virtualHosted);
  }
  return [...known].map(([endpoint, virtualHosted]) => ({ endpoint, virtualHosted }));
}

/**
 * The profiles that sign for the object's store: the same custom endpoint; for an AWS link, the AWS profiles
 * of its partition (any AWS profile for an s3:// URI, which names none).
 */
export function candidatesFor(
  ref: Pick<S3ObjectRef, 'endpoint' | 'partition'>,
  profiles: readonly Profile[],
): Profile[] {
  return profiles.filter((profile) =>
    ref.endpoint === undefined
      ? !profile.endpoint && (ref.partition === undefined || partitionOf(profile.region) === ref.partition)
      : profileEndpoint(profile) === ref.endpoint,
  );
}

// Read when a message is built (locales/en.yml), not at import.
const PARTITIONS: Record<AwsPartition, { store: () => string; regions: () => string }> = {
  aws: { store: () => i18n.t('chooseProfile.aws'), regions: () => i18n.t('chooseProfile.awsRegions') },
  'aws-cn': { store: () => i18n.t('chooseProfile.cn'), regions: () => i18n.t('chooseProfile.cnRegions') },
  'aws-us-gov': {
    store: () => i18n.t('chooseProfile.gov'),
    regions: () => i18n.t('chooseProfile.govRegions'),
  },
};

/** Where an object is, for messages: its endpoint, or its AWS partition. */
function storeOf(ref: Pick<S3ObjectRef, 'endpoint' | 'partition'>): string {
  return ref.endpoint ?? PARTITIONS[ref.partition ?? 'aws'].store();
}

function noProfile(ref: S3ObjectRef, profiles: readonly Profile[]): PresignError {
  if (profiles.length === 0) {
    return new PresignError('no-profile', i18n.t('chooseProfile.none'));
  }
  const about = { store: storeOf(ref), bucket: ref.bucket };
  if (ref.endpoint) {
    return new PresignError('no-profile', i18n.t('chooseProfile.noneForEndpoint', about));
  }
  const partition = ref.partition ?? 'aws';
  // AWS profiles of other partitions only: their keys cannot sign here, say so.
  const elsewhere = profiles.some((profile) => !profile.endpoint);
  return new PresignError(
    'no-profile',
    elsewhere
      ? i18n.t('chooseProfile.otherPartition', { ...about, regions: PARTITIONS[partition].regions() })
      : partition === 'aws'
        ? i18n.t('chooseProfile.noneForAws', about)
        : i18n.t('chooseProfile.noneForPartition', { ...about, regions: PARTITIONS[partition].regions() }),
  );
}

/** Among several candidates: the first rule that names one wins, and says why. */
function pickAmong(ref: S3ObjectRef, candidates: Profile[], hints: ChoiceHints): ProfileChoice {
  // Keys hold each profile's endpoint as typed ("…:7480/" or "…:7480"): look under every candidate's, own keys
  // before the older partition-less ones.
  const rememberedAt = (level: number): Profile | undefined => {
    const ids = new Set(
      candidates.map((profile) => {
        const key = keysFor(profile, ref.bucket)[level];
        return key === undefined ? undefined : hints.bucketProfiles?.[key];
      }),
    );
    return candidates.find((profile) => ids.has(profile.id));
  };
  const remembered = rememberedAt(0) ?? rememberedAt(1);
  const region = ref.region ?? ref.regionHint;
  const rules: [Profile | undefined, () => string][] = [
    [remembered, () => i18n.t('chooseProfile.lastUsed', { bucket: ref.bucket })],
    [
      candidates.find((p) => p.defaultBucket === ref.bucket),
      () => i18n.t('chooseProfile.defaultBucket', { bucket: ref.bucket }),
    ],
    [candidates.find((p) => p.id === hints.preferredId), () => i18n.t('chooseProfile.inPopup')],
    [
      candidates.find((p) => region !== undefined && p.region === region),
      () => i18n.t('chooseProfile.region', { region: region ?? '' }),
    ],
  ];
  const [profile, why] = rules.find(([match]) => match !== undefined) ?? [
    candidates[0] as Profile,
    () => i18n.t('chooseProfile.first'),
  ];
  return { profile: profile as Profile, reason: why(), others: candidates.length - 1 };
}

/**
 * Picks the profile that signs for an object: among those for the same store (custom endpoint, or AWS
 * partition), the explicit one, else the only one, else the one remembered for the bucket, then default bucket,
 * popup, region.
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
      throw new PresignError('no-profile', i18n.t('chooseProfile.gone'));
    }
    const askedStore = asked.endpoint ?? PARTITIONS[partitionOf(asked.region)].store();
    throw new PresignError(
      'no-profile',
      i18n.t('chooseProfile.otherStore', {
        name: asked.name,
        asked: askedStore,
        store: storeOf(ref),
        bucket: ref.bucket,
      }),
    );
  }
  const [only] = candidates;
  if (!only) throw noProfile(ref, profiles);
  return candidates.length === 1 ? { profile: only, others: 0 } : pickAmong(ref, candidates, hints);
}
