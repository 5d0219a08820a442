import { describe, expect, it } from 'vitest';
import { refusedMessage, s3ErrorCode } from '@/utils/adapters/upload';

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
    [503, 'SlowDown', /^S3 refused the upload: SlowDown \(HTTP 503\)\.$/],
  ])('%i %s', (status, code, message) => {
    expect(refusedMessage(status, code)).toMatch(message);
  });
});
