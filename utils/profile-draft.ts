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
export const EXPIRY_WITHOUT_TOKEN =
  'Clear the Session expires field: these keys have no session token (if they are temporary keys, paste their token too).';

/** An expiry in the past: the keys did expire, or fresh ones were pasted without their new expiry. */
export const EXPIRY_PASSED =
  'That time has passed, so these temporary credentials have already expired. If you pasted fresh ones, update or clear the Session expires field; if not, get fresh ones.';

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
      message: 'This looks like a secret access key: paste it in the secret field, and the key ID here.',
    };
  }
  return {
    blocks: false,
    message:
      'The access key ID looks like a secret access key, not a key ID: check the two fields are not swapped.',
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
      message: `The endpoint ends in /${segment}, the default bucket: remove it from the endpoint, or links would go to /${segment}/${segment}/….`,
    };
  }
  if (bucket || bucketNameProblem(segment, 'strict')) return undefined;
  return {
    blocks: false,
    message: `The endpoint ends in /${segment}: if that is a bucket, remove it from the endpoint and put it in Default bucket. Keep it if your store serves S3 under that path.`,
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

  if (!value.name) errors.name = 'Give the profile a name, e.g. “work” or “backups”.';
  if (!value.accessKeyId)
    errors.accessKeyId = 'Paste the access key ID (it starts with AKIA or ASIA on AWS).';
  else if (/\s/.test(value.accessKeyId)) errors.accessKeyId = 'The access key ID cannot contain spaces.';
  else {
    const secret = secretAsKeyId(value.accessKeyId, value.secretAccessKey);
    if (secret?.blocks) errors.accessKeyId = secret.message;
  }
  if (!value.secretAccessKey) errors.secretAccessKey = 'Paste the secret access key.';
  else if (/\s/.test(value.secretAccessKey))
    errors.secretAccessKey = 'The secret access key cannot contain spaces.';
  if (value.accessKeyId.startsWith('ASIA') && !value.sessionToken) {
    errors.sessionToken = 'Keys starting with ASIA are temporary: paste their session token too.';
  }
  if (value.sessionExpiration) {
    const end = new Date(value.sessionExpiration);
    // Left over from the keys this profile had before (the form fills it in when editing), it would cut links
    // short and then refuse to sign at all. Without a token there is nothing for it to be the end of.
    if (!value.sessionToken) {
      if (!errors.sessionToken) errors.sessionExpiration = EXPIRY_WITHOUT_TOKEN;
    } else if (Number.isNaN(end.getTime()))
      errors.sessionExpiration = 'Write the expiration as a date and time.';
    else if (end <= now) errors.sessionExpiration = EXPIRY_PASSED;
  }
  // AWS puts the region in the host; a self-hosted store only compares it with its own name (MinIO, Ceph).
  if (value.endpoint ? !isScopeRegion(value.region) : !isSigningRegion(value.region)) {
    errors.region = value.endpoint
      ? 'Write the region your server is set to: letters, digits and “-” (e.g. us-east-1).'
      : 'Write a region like us-east-1 (or “auto” for Cloudflare R2).';
  }
  let endpoint: string | undefined;
  // `new URL` drops tabs and line breaks inside a host name, so a broken paste would pass unseen.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/?#]*\s/i.test(value.endpoint)) {
    errors.endpoint = 'The endpoint’s host name holds a space or line break: remove it.';
  } else if (value.endpoint) {
    try {
      endpoint = normalizeEndpoint(value.endpoint);
    } catch (error) {
      errors.endpoint = isPresignError(error) ? error.message : 'This endpoint is not a valid URL.';
    }
  }
  if (value.defaultBucket) {
    const problem = bucketNameProblem(value.defaultBucket, value.endpoint ? 'legacy' : 'strict');
    if (problem) errors.defaultBucket = `“${value.defaultBucket}” is not a valid bucket name: ${problem}.`;
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
