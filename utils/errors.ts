/** Every failure the user can meet, by code. The message is written for the user and never holds a secret. */
export type PresignErrorCode =
  | 'not-a-url'
  | 'not-s3'
  | 'website-endpoint'
  | 'access-point'
  | 'no-key'
  | 'invalid-bucket'
  | 'invalid-key'
  | 'bad-encoding'
  | 'invalid-expiry'
  | 'credentials-expired'
  | 'invalid-credentials'
  | 'invalid-endpoint'
  | 'invalid-region'
  | 'invalid-request'
  | 'no-profile'
  | 'clipboard-failed'
  // What S3 (or the way to it) answered, explained.
  | 'access-denied'
  | 'no-such-bucket'
  | 'no-such-key'
  | 'wrong-region'
  | 'invalid-access-key'
  | 'signature-mismatch'
  | 'clock-skew'
  | 'network'
  | 'host-permission'
  | 's3-error'
  // A request the user (or the popup, on navigation) called off: nothing to show.
  | 'cancelled'
  // The passphrase vault (utils/vault.ts) and stored values that fail their checks.
  | 'vault-locked'
  | 'wrong-passphrase'
  | 'invalid-passphrase'
  | 'vault-damaged'
  | 'vault-downgrade'
  | 'storage-damaged'
  | 'invalid-file'
  | 'internal';

/** A failure with a stable code and a message that says what happened and what to do. */
export class PresignError extends Error {
  override readonly name = 'PresignError';
  readonly code: PresignErrorCode;

  constructor(code: PresignErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Narrows an unknown thrown value to a PresignError with a given code (or any code). */
export function isPresignError(value: unknown, code?: PresignErrorCode): value is PresignError {
  return value instanceof PresignError && (code === undefined || value.code === code);
}
