import { i18n } from '#i18n';
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
  'list-buckets': { doing: () => i18n.t('s3Errors.doListBuckets'), name: 's3:ListAllMyBuckets' },
  'list-objects': { doing: (bucket) => i18n.t('s3Errors.doList', { bucket }), name: 's3:ListBucket' },
  // S3 (and radosgw) check s3:ListBucket for HeadBucket.
  'head-bucket': { doing: (bucket) => i18n.t('s3Errors.doOpen', { bucket }), name: 's3:ListBucket' },
  'list-versions': {
    doing: (bucket) => i18n.t('s3Errors.doVersions', { bucket }),
    name: 's3:ListBucketVersions',
  },
  'get-object': { doing: (bucket, key) => i18n.t('s3Errors.doRead', { bucket, key }), name: 's3:GetObject' },
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
    return new S3AccessError('cancelled', i18n.t('s3Errors.cancelled'), { cause: error });
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
        i18n.t('s3Errors.wrongRegion', { bucket: capitalized(bucket), named, region: context.region }),
        { region: named },
      );
    }
    if (status === 301 || status === 307 || name === 'IllegalLocationConstraintException') {
      return make(
        'wrong-region',
        i18n.t(context.endpoint ? 's3Errors.otherRegionStore' : 's3Errors.otherRegionAws', {
          bucket: capitalized(bucket),
          region: context.region,
        }),
      );
    }
  }
  if (name === 'InvalidAccessKeyId' || name === 'InvalidClientTokenId') {
    return make('invalid-access-key', i18n.t('s3Errors.unknownKeyId', { host: hostOf(context) }));
  }
  if (name === 'SignatureDoesNotMatch') {
    return make(
      'signature-mismatch',
      i18n.t(context.endpoint ? 's3Errors.signatureProxy' : 's3Errors.signature', { host: hostOf(context) }),
    );
  }
  if (name === 'RequestTimeTooSkewed') return explainSkew(error, context, make);
  if (EXPIRED_CODES.has(name)) {
    return make('credentials-expired', i18n.t('s3Errors.expired'));
  }
  if (name === 'InvalidToken') {
    return make('invalid-credentials', i18n.t('s3Errors.invalidToken'));
  }
  if (DENIED_CODES.has(name) || status === 403) return make('access-denied', deniedMessage(context));
  if (
    name === 'NoSuchKey' ||
    name === 'NoSuchVersion' ||
    (status === 404 && context.action === 'get-object')
  ) {
    return make(
      'no-such-key',
      i18n.t(name === 'NoSuchVersion' ? 's3Errors.noSuchVersion' : 's3Errors.noSuchKey', {
        key: shortKey(context.key),
        bucket,
      }),
    );
  }
  if (name === 'NoSuchBucket' || status === 404) {
    const what = context.bucket ? bucket : i18n.t('s3Errors.suchBucket');
    return make(
      'no-such-bucket',
      context.endpoint
        ? i18n.t('s3Errors.noBucketOn', { bucket: what, host: hostOf(context) })
        : i18n.t('s3Errors.noBucketIn', { bucket: what, region: context.region }),
    );
  }
  if (name === 'InvalidBucketName') {
    return make(
      'invalid-bucket',
      context.bucket
        ? i18n.t('s3Errors.invalidBucket', { bucket: context.bucket })
        : i18n.t('s3Errors.invalidName'),
    );
  }
  if (name === 'NotImplemented' || status === 501) {
    return make('s3-error', i18n.t('s3Errors.notImplemented', { host: hostOf(context) }));
  }
  if (status >= 500) {
    return make(
      's3-error',
      i18n.t('s3Errors.serverProblem', { host: hostOf(context), code: describeCode(shape, status) }),
    );
  }
  return make(
    's3-error',
    i18n.t('s3Errors.refused', { host: hostOf(context), code: describeCode(shape, status) }),
  );
}

function explainSkew(
  error: unknown,
  context: S3ErrorContext,
  make: (code: PresignErrorCode, message: string, extra?: { clockOffsetMs?: number }) => S3AccessError,
): S3AccessError {
  const offset = clockOffset(error, context.now ?? new Date());
  const host = hostOf(context);
  if (offset === undefined) return make('clock-skew', i18n.t('s3Errors.skewUnknown', { host }));
  const seconds = Math.abs(offset) / 1000;
  // The Date header has whole seconds: past two minutes, show whole minutes.
  const shown = formatDuration(seconds >= 120 ? Math.round(seconds / 60) * 60 : seconds);
  const message = i18n.t(offset > 0 ? 's3Errors.skewAhead' : 's3Errors.skewBehind', { shown, host });
  return make('clock-skew', message, { clockOffsetMs: offset });
}

function deniedMessage(context: S3ErrorContext): string {
  const bucket = bucketLabel(context);
  // Sentences, joined with a space: the "why", what to do, and for temporary keys that they may be stale.
  const stale = context.sessionToken ? [i18n.t('s3Errors.stale')] : [];
  if (!context.action) return [i18n.t('s3Errors.deniedAny', { bucket }), ...stale].join(' ');
  const permission = PERMISSION[context.action];
  const doing = permission.doing(bucket, shortKey(context.key));
  const hint =
    context.action === 'list-buckets'
      ? i18n.t('s3Errors.hintDefaultBucket')
      : i18n.t(context.action === 'get-object' ? 's3Errors.hintGrant' : 's3Errors.hintGrantOrLink');
  return [i18n.t('s3Errors.denied', { doing, permission: permission.name }), hint, ...stale].join(' ');
}

/** "AccessDenied, HTTP 403": the code only when it is a plain identifier, never free text. */
function describeCode(shape: ErrorShape, status: number): string {
  return /^[A-Za-z][A-Za-z0-9.]{1,63}$/.test(shape.name) && shape.name !== 'Unknown'
    ? `${shape.name}, HTTP ${status}`
    : `HTTP ${status}`;
}

/** "bucket photos", or "this bucket" when the request named none. */
function bucketLabel(context: S3ErrorContext): string {
  return context.bucket
    ? i18n.t('s3Errors.bucket', { bucket: context.bucket })
    : i18n.t('s3Errors.thisBucket');
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shortKey(key: string | undefined): string {
  if (key === undefined) return i18n.t('s3Errors.theObject');
  return key.length > 80 ? `${key.slice(0, 77)}…` : key;
}

function unexpected(error: unknown, context: S3ErrorContext): PresignError {
  // The SDK reached the server but could not read its answer (an HTML page, a proxy's error, a cut body).
  if (fieldOf(error, '$metadata') !== undefined || headerOf(error, 'content-type') !== undefined) {
    return new S3AccessError('s3-error', i18n.t('s3Errors.unreadable', { host: hostOf(context) }), {
      cause: error,
    });
  }
  return new S3AccessError('internal', i18n.t('s3Errors.unexpected'), { cause: error });
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
