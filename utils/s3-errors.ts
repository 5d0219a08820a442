import { PresignError, type PresignErrorCode } from './errors';
import { credentialsExpired, formatDuration } from './expiry';
import type { Profile } from './profile';
import { explainNetworkError, hostOf, type NetworkContext } from './s3-errors-network';
import { clockOffset, type ErrorShape, fieldOf, headerOf, readShape, regionNamed } from './s3-errors-shape';

// What the AWS SDK throws, turned into words that say what to do. Only the error's code, HTTP status, a few
// headers and fields whose shape is checked are read: S3's own messages are never shown, since some carry the
// string to sign, the access key ID or a token (and radosgw sends none: the SDK says "UnknownError").

/** The request that failed; it decides which permission an AccessDenied is about. */
export type S3Action = 'list-buckets' | 'list-objects' | 'head-bucket' | 'list-versions' | 'get-object';

/** What was being done, so the message can name the bucket, the host and the missing permission. */
export interface S3ErrorContext extends NetworkContext {
  action?: S3Action;
  bucket?: string;
  key?: string;
  /** The time the request was signed with (the SDK's clock, offset included); defaults to the real clock. */
  now?: Date;
  /** The profile holds a session token: stores like radosgw answer a stale one with a plain AccessDenied. */
  sessionToken?: boolean;
}

/** A PresignError with what S3 told us that the UI can act on. */
export class S3AccessError extends PresignError {
  /** wrong-region: the region S3 named for the bucket, to offer "switch to eu-west-3". */
  readonly region?: string;
  /** clock-skew: local clock minus the server's, in milliseconds, when the answer told the server's time. */
  readonly clockOffsetMs?: number;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;

  constructor(
    code: PresignErrorCode,
    message: string,
    extra: { region?: string; clockOffsetMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(code, message, { cause: extra.cause });
    if (extra.region !== undefined) this.region = extra.region;
    if (extra.clockOffsetMs !== undefined) this.clockOffsetMs = extra.clockOffsetMs;
    if (extra.status !== undefined) this.status = extra.status;
  }
}

const PERMISSION: Record<S3Action, { doing: (bucket: string, key: string) => string; name: string }> = {
  'list-buckets': { doing: () => 'list your buckets', name: 's3:ListAllMyBuckets' },
  'list-objects': { doing: (bucket) => `list ${bucket}`, name: 's3:ListBucket' },
  // S3 (and radosgw) check s3:ListBucket for HeadBucket.
  'head-bucket': { doing: (bucket) => `open ${bucket}`, name: 's3:ListBucket' },
  'list-versions': {
    doing: (bucket) => `list the versions in ${bucket}`,
    name: 's3:ListBucketVersions',
  },
  'get-object': { doing: (bucket, key) => `read “${key}” in ${bucket}`, name: 's3:GetObject' },
};

const REGION_CODES = new Set([
  'PermanentRedirect',
  'TemporaryRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);
const DENIED_CODES = new Set(['AccessDenied', 'AllAccessDisabled', 'AccountProblem', 'Forbidden']);
const EXPIRED_CODES = new Set(['ExpiredToken', 'TokenRefreshRequired']);

/** Turns whatever the SDK threw into a PresignError that says what went wrong and what to do. */
export function explainS3Error(error: unknown, context: S3ErrorContext): PresignError {
  if (error instanceof PresignError) return error;
  const shape = readShape(error);
  if (shape.name === 'AbortError') {
    return new S3AccessError('cancelled', 'The request was cancelled.', { cause: error });
  }
  if (shape.status === undefined) {
    const network = explainNetworkError(shape, context);
    if (network) return new S3AccessError(network.code, network.message, { cause: error });
    return unexpected(error, context);
  }
  return explainAnswer(error, shape, shape.status, context);
}

/** A failure the server answered with an HTTP status. */
function explainAnswer(
  error: unknown,
  shape: ErrorShape,
  status: number,
  context: S3ErrorContext,
): S3AccessError {
  const { name } = shape;
  const bucket = bucketLabel(context);
  const make = (
    code: PresignErrorCode,
    message: string,
    extra: { region?: string; clockOffsetMs?: number } = {},
  ) => new S3AccessError(code, message, { ...extra, status, cause: error });

  const named = regionNamed(error);
  const headRegionDiffers = named !== undefined && named !== context.region && status === 400;
  if (status === 301 || status === 307 || REGION_CODES.has(name) || headRegionDiffers) {
    if (named !== undefined && named !== context.region) {
      return make(
        'wrong-region',
        `${capitalized(bucket)} is in region ${named}, not ${context.region}: switch to ${named}.`,
        { region: named },
      );
    }
    if (status === 301 || status === 307 || name === 'IllegalLocationConstraintException') {
      return make(
        'wrong-region',
        `${capitalized(bucket)} is in another region than ${context.region}. Set the region to the bucket's (${context.endpoint ? "your store's console shows it with the bucket" : 'the S3 console shows it next to the bucket’s name'}).`,
      );
    }
  }
  if (name === 'InvalidAccessKeyId' || name === 'InvalidClientTokenId') {
    return make(
      'invalid-access-key',
      `${hostOf(context)} does not know this access key ID. Copy the access key ID into the profile again; temporary keys also need their session token, and work only where they were issued.`,
    );
  }
  if (name === 'SignatureDoesNotMatch') {
    const proxy = context.endpoint
      ? ' If the secret is right, check the endpoint URL: a proxy that changes the host or path also breaks signatures.'
      : '';
    return make(
      'signature-mismatch',
      `The secret access key does not match the access key ID: ${hostOf(context)} refused the signature. Paste the secret into the profile again (without spaces around it).${proxy}`,
    );
  }
  if (name === 'RequestTimeTooSkewed') return explainSkew(error, context, make);
  if (EXPIRED_CODES.has(name)) {
    return make(
      'credentials-expired',
      'The temporary credentials (session token) have expired. Get fresh ones (for example with “aws configure export-credentials”) and update the profile.',
    );
  }
  if (name === 'InvalidToken') {
    return make(
      'invalid-credentials',
      'The session token is not valid. Paste it into the profile again, or leave it empty for long-term keys.',
    );
  }
  if (DENIED_CODES.has(name) || status === 403) return make('access-denied', deniedMessage(context));
  if (
    name === 'NoSuchKey' ||
    name === 'NoSuchVersion' ||
    (status === 404 && context.action === 'get-object')
  ) {
    const what = name === 'NoSuchVersion' ? 'That version of ' : '';
    return make(
      'no-such-key',
      `${what}“${shortKey(context.key)}” is not in ${bucket}: it may have been deleted or renamed. Refresh the folder.`,
    );
  }
  if (name === 'NoSuchBucket' || status === 404) {
    const where = context.endpoint ? `on ${hostOf(context)}` : `in region ${context.region}`;
    return make(
      'no-such-bucket',
      `There is no ${context.bucket ? bucket : 'such bucket'} ${where}. Check the bucket's name (bucket names are lower-case) and the profile's endpoint.`,
    );
  }
  if (name === 'InvalidBucketName') {
    const given = context.bucket ? `“${context.bucket}”` : 'The name';
    return make('invalid-bucket', `${given} is not a valid bucket name. Check it for typos.`);
  }
  if (name === 'NotImplemented' || status === 501) {
    return make('s3-error', `${hostOf(context)} does not support this request (NotImplemented).`);
  }
  if (status >= 500) {
    return make(
      's3-error',
      `${hostOf(context)} had a problem (${describeCode(shape, status)}). Try again in a moment; if it keeps failing, check the endpoint URL.`,
    );
  }
  return make(
    's3-error',
    `${hostOf(context)} refused the request (${describeCode(shape, status)}). Check the profile's endpoint, region and keys.`,
  );
}

function explainSkew(
  error: unknown,
  context: S3ErrorContext,
  make: (code: PresignErrorCode, message: string, extra?: { clockOffsetMs?: number }) => S3AccessError,
): S3AccessError {
  const offset = clockOffset(error, context.now ?? new Date());
  const fix =
    'S3 accepts at most 15 minutes. Set the date and time right (turn on automatic time) and try again: links signed with a wrong clock fail too.';
  if (offset === undefined) {
    return make('clock-skew', `This computer's clock is off from ${hostOf(context)}'s by too much. ${fix}`);
  }
  const seconds = Math.abs(offset) / 1000;
  // The Date header has whole seconds: past two minutes, show whole minutes.
  const shown = formatDuration(seconds >= 120 ? Math.round(seconds / 60) * 60 : seconds);
  const direction = offset > 0 ? 'ahead of' : 'behind';
  return make('clock-skew', `This computer's clock is ${shown} ${direction} ${hostOf(context)}'s. ${fix}`, {
    clockOffsetMs: offset,
  });
}

function deniedMessage(context: S3ErrorContext): string {
  const bucket = bucketLabel(context);
  const stale = context.sessionToken
    ? ' If the temporary credentials were revoked or replaced, get fresh ones and update the profile.'
    : '';
  if (!context.action) {
    return `These keys are not allowed to do that in ${bucket}. Ask the bucket's owner for access.${stale}`;
  }
  const permission = PERMISSION[context.action];
  const doing = permission.doing(bucket, shortKey(context.key));
  const hint =
    context.action === 'list-buckets'
      ? ' Set a default bucket in the profile to open it directly, or ask for that permission.'
      : ` Ask the bucket's owner to grant it${context.action === 'get-object' ? '' : ', or open an object by its link'}.`;
  return `These keys may not ${doing}: they probably lack the ${permission.name} permission.${hint}${stale}`;
}

/** "AccessDenied, HTTP 403": the code only when it is a plain identifier, never free text. */
function describeCode(shape: ErrorShape, status: number): string {
  return /^[A-Za-z][A-Za-z0-9.]{1,63}$/.test(shape.name) && shape.name !== 'Unknown'
    ? `${shape.name}, HTTP ${status}`
    : `HTTP ${status}`;
}

/** "bucket photos", or "this bucket" when the request named none. */
function bucketLabel(context: S3ErrorContext): string {
  return context.bucket ? `bucket ${context.bucket}` : 'this bucket';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shortKey(key: string | undefined): string {
  if (key === undefined) return 'the object';
  return key.length > 80 ? `${key.slice(0, 77)}…` : key;
}

function unexpected(error: unknown, context: S3ErrorContext): PresignError {
  // The SDK reached the server but could not read its answer (an HTML page, a proxy's error, a cut body).
  if (fieldOf(error, '$metadata') !== undefined || headerOf(error, 'content-type') !== undefined) {
    return new S3AccessError(
      's3-error',
      `The answer from ${hostOf(context)} could not be read as S3's. Check the endpoint URL, then try again.`,
      { cause: error },
    );
  }
  return new S3AccessError('internal', 'Something unexpected went wrong while talking to S3. Try again.', {
    cause: error,
  });
}

/** An error when the profile's temporary credentials have ended, before any request is sent with them. */
export function expiredSession(
  profile: Pick<Profile, 'sessionExpiration'>,
  now: Date,
): PresignError | undefined {
  if (!profile.sessionExpiration) return undefined;
  const end = new Date(profile.sessionExpiration);
  if (Number.isNaN(end.getTime()) || end.getTime() > now.getTime()) return undefined;
  return credentialsExpired(end);
}
