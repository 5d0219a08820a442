import { i18n } from '#i18n';
import { bucketNameProblem } from './bucket-name';
import { normalizeEndpoint, parseEndpoint } from './endpoint';
import { isPresignError } from './errors';
import type { Profile } from './profile';
import { isScopeRegion, isSigningRegion } from './region';

/** What the profile form holds: raw text as typed or pasted. */
export interface ProfileDraft {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  sessionExpiration: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  defaultBucket: string;
}

export type DraftErrors = Partial<Record<keyof ProfileDraft, string>>;

export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  accessKeyId: '',
  secretAccessKey: '',
  sessionToken: '',
  sessionExpiration: '',
  region: 'us-east-1',
  endpoint: '',
  forcePathStyle: true,
  defaultBucket: '',
};

/** An expiry with no session token: permanent keys pasted over temporary ones, the old expiry left behind. */
export function expiryWithoutToken(): string {
  return i18n.t('profileDraft.expiryWithoutToken');
}

/** An expiry in the past: the keys did expire, or fresh ones were pasted without their new expiry. */
export function expiryPassed(): string {
  return i18n.t('profileDraft.expiryPassed');
}

/** Trims white space and one pair of quotes pasted around a value. */
export function cleanPasted(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(trimmed);
  return (quoted ? (quoted[2] as string) : trimmed).trim();
}

/**
 * Whether a value pasted as an access key ID is shaped like a secret access key. Key IDs may be 16 to 128
 * characters (GCS HMAC ids are 61, Oracle's are 40 hex), so length alone says nothing: a secret is also shaped
 * like one. AWS, Ceph, Wasabi, DigitalOcean, GCS and Oracle secrets are 40+ base64 characters that mix lower
 * case, upper case and digits, which no generated key ID does (they are upper case, or lower-case hex); R2's are
 * 64 hex and IBM's 48 hex (R2 and IBM key IDs are 32 hex). MinIO lets admins choose key IDs of any such shape,
 * hence secretAsKeyId: a warning unless it is sure.
 */
export function looksLikeSecret(keyId: string): boolean {
  if (keyId.length < 40) return false;
  if (/[/+]/.test(keyId)) return true;
  if (/^(?:[0-9a-f]{48}|[0-9a-f]{64})$/i.test(keyId)) return true;
  return /^[A-Za-z0-9/+]+=*$/.test(keyId) && /[a-z]/.test(keyId) && /[A-Z]/.test(keyId) && /\d/.test(keyId);
}

/** An AWS access key ID: never a secret, so in the secret field it says the two fields are swapped. */
const AWS_KEY_ID = /^A[KS]IA[A-Z0-9]{16}$/;

/**
 * A secret access key pasted as the key ID. Saving is refused only when that is sure: the value holds `/` or `+`
 * (base64 secrets do, SigV4 key IDs cannot: `/` splits the credential scope), or the secret field holds an AWS
 * key ID (the fields are swapped). Otherwise a key ID shaped like a secret may be one a MinIO admin chose: a
 * warning for the form to show, which does not block.
 */
export function secretAsKeyId(
  accessKeyId: string,
  secretAccessKey: string,
): { message: string; blocks: boolean } | undefined {
  const keyId = cleanPasted(accessKeyId);
  if (!looksLikeSecret(keyId)) return undefined;
  if (/[/+]/.test(keyId) || AWS_KEY_ID.test(cleanPasted(secretAccessKey))) {
    return {
      blocks: true,
      message: i18n.t('profileDraft.secretHere'),
    };
  }
  return {
    blocks: false,
    message: i18n.t('profileDraft.maybeSwapped'),
  };
}

/**
 * A custom endpoint whose path is one segment that names a bucket: `https://minio.example.com/photos` makes every
 * link `/photos/BUCKET/key`. A path prefix is legitimate (gateways serve S3 under `/s3`), so this only blocks
 * when the segment is the default bucket (the links would name it twice, surely wrong); otherwise, when no
 * default bucket is set and the segment is a valid bucket name, it is a warning for the form to show.
 */
export function bucketInEndpoint(
  endpoint: string,
  defaultBucket: string,
): { message: string; blocks: boolean } | undefined {
  let segments: string[];
  try {
    ({ segments } = parseEndpoint(cleanPasted(endpoint)));
  } catch {
    return undefined;
  }
  const [encoded] = segments;
  if (segments.length !== 1 || encoded === undefined) return undefined;
  const segment = decodeURIComponent(encoded);
  const bucket = cleanPasted(defaultBucket);
  if (bucket && segment === bucket) {
    return {
      blocks: true,
      message: i18n.t('profileDraft.bucketTwice', { segment }),
    };
  }
  if (bucket || bucketNameProblem(segment, 'strict')) return undefined;
  return {
    blocks: false,
    message: i18n.t('profileDraft.bucketInPath', { segment }),
  };
}

/** Checks a draft; returns the profile to store, or a message per field saying what to fix. */
export function validateDraft(
  draft: ProfileDraft,
  id: string,
  now: Date,
): { profile: Profile; errors?: undefined } | { profile?: undefined; errors: DraftErrors } {
  const value = Object.fromEntries(
    Object.entries(draft).map(([field, raw]) => [field, typeof raw === 'string' ? cleanPasted(raw) : raw]),
  ) as ProfileDraft;
  const errors: DraftErrors = {};

  if (!value.name) errors.name = i18n.t('profileDraft.noName');
  if (!value.accessKeyId) errors.accessKeyId = i18n.t('profileDraft.noKeyId');
  else if (/\s/.test(value.accessKeyId)) errors.accessKeyId = i18n.t('profileDraft.keyIdSpaces');
  else {
    const secret = secretAsKeyId(value.accessKeyId, value.secretAccessKey);
    if (secret?.blocks) errors.accessKeyId = secret.message;
  }
  if (!value.secretAccessKey) errors.secretAccessKey = i18n.t('profileDraft.noSecret');
  else if (/\s/.test(value.secretAccessKey)) errors.secretAccessKey = i18n.t('profileDraft.secretSpaces');
  if (value.accessKeyId.startsWith('ASIA') && !value.sessionToken) {
    errors.sessionToken = i18n.t('profileDraft.noToken');
  }
  if (value.sessionExpiration) {
    const end = new Date(value.sessionExpiration);
    // Left over from the keys this profile had before (the form fills it in when editing), it would cut links
    // short and then refuse to sign at all. Without a token there is nothing for it to be the end of.
    if (!value.sessionToken) {
      if (!errors.sessionToken) errors.sessionExpiration = expiryWithoutToken();
    } else if (Number.isNaN(end.getTime())) errors.sessionExpiration = i18n.t('profileDraft.badExpiry');
    else if (end <= now) errors.sessionExpiration = expiryPassed();
  }
  // AWS puts the region in the host; a self-hosted store only compares it with its own name (MinIO, Ceph).
  if (value.endpoint ? !isScopeRegion(value.region) : !isSigningRegion(value.region)) {
    errors.region = value.endpoint ? i18n.t('profileDraft.scopeRegion') : i18n.t('profileDraft.region');
  }
  let endpoint: string | undefined;
  // `new URL` drops tabs and line breaks inside a host name, so a broken paste would pass unseen.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*\s/i.test(value.endpoint)) {
    errors.endpoint = i18n.t('profileDraft.endpointSpace');
  } else if (value.endpoint) {
    try {
      endpoint = normalizeEndpoint(value.endpoint);
    } catch (error) {
      errors.endpoint = isPresignError(error) ? error.message : i18n.t('providers.badEndpoint');
    }
  }
  if (value.defaultBucket) {
    const problem = bucketNameProblem(value.defaultBucket, value.endpoint ? 'legacy' : 'strict');
    if (problem) {
      errors.defaultBucket = i18n.t('profileDraft.badBucket', { bucket: value.defaultBucket, problem });
    }
  }
  const bucketInPath = endpoint ? bucketInEndpoint(endpoint, value.defaultBucket) : undefined;
  if (bucketInPath?.blocks) errors.endpoint = bucketInPath.message;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    profile: {
      id,
      name: value.name,
      accessKeyId: value.accessKeyId,
      secretAccessKey: value.secretAccessKey,
      ...(value.sessionToken ? { sessionToken: value.sessionToken } : {}),
      ...(value.sessionExpiration
        ? { sessionExpiration: new Date(value.sessionExpiration).toISOString() }
        : {}),
      region: value.region,
      ...(endpoint ? { endpoint } : {}),
      forcePathStyle: endpoint ? value.forcePathStyle : false,
      ...(value.defaultBucket ? { defaultBucket: value.defaultBucket } : {}),
    },
  };
}
