import { describe, expect, it } from 'vitest';
import { missingEtagMessage } from '@/utils/adapters/multipart';
import { RefusedUpload, refusedMessage, s3ErrorCode } from '@/utils/adapters/upload';

describe('what a refused upload says', () => {
  it('reads the code from S3’s XML answer, if any', () => {
    expect(
      s3ErrorCode('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message></Message></Error>'),
    ).toBe('AccessDenied');
    expect(s3ErrorCode('')).toBeUndefined();
  });

  it.each([
    [403, 'AccessDenied', /AccessDenied \(HTTP 403\).*s3:PutObject.*expired/],
    [403, undefined, /HTTP 403.*s3:PutObject/],
    [400, 'EntityTooLarge', /EntityTooLarge \(HTTP 400\).*larger than the store accepts/],
    [503, 'SlowDown', /^S3 refused the upload: SlowDown \(HTTP 503\)\. .*try again/],
  ])('%i %s', (status, code, message) => {
    expect(refusedMessage(status, code)).toMatch(message);
  });

  it.each([
    ['SignatureDoesNotMatch', /secret key.*proxy/, 'signature-mismatch'],
    ['RequestTimeTooSkewed', /clock/, 'clock-skew'],
    ['InvalidAccessKeyId', /does not know the profile’s access key/, 'invalid-access-key'],
    ['ExpiredToken', /temporary credentials have ended/, 'credentials-expired'],
  ])('a 403 %s says its own cause, not a missing permission', (code, message, errorCode) => {
    const text = refusedMessage(403, code);
    expect(text).toMatch(message);
    expect(text).not.toMatch(/s3:PutObject/);
    expect(new RefusedUpload(403, code)).toMatchObject({ code: errorCode, status: 403, message: text });
  });

  it('an unknown 403 code is named without a guess', () => {
    expect(refusedMessage(403, 'AllAccessDisabled')).toBe(
      'S3 refused the upload: AllAccessDisabled (HTTP 403).',
    );
  });

  it('a part whose ETag the CORS rule hid says both ways out', () => {
    expect(missingEtagMessage(3)).toMatch(
      /part 3 hid its ETag.*Allow S3 Presign access to this endpoint.*add ETag to the bucket’s CORS ExposeHeaders/,
    );
  });
});
