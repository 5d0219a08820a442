import { describe, expect, it } from 'vitest';
import { hostPermissionFor } from '@/utils/host-pattern';

describe('hostPermissionFor', () => {
  it.each([
    [undefined, undefined],
    ['http://127.0.0.1:7480', undefined],
    ['http://localhost:9000/s3', undefined],
    ['https://s3.eu-west-3.amazonaws.com', undefined],
    // Named hosts with their subdomains, where buckets live when path-style is off.
    ['https://minio.example.com:9000', 'https://*.minio.example.com/*'],
    ['https://storage.example.com/s3', 'https://*.storage.example.com/*'],
    ['https://ACCOUNT.r2.cloudflarestorage.com', 'https://*.account.r2.cloudflarestorage.com/*'],
    ['http://192.168.1.20:7480', 'http://192.168.1.20/*'],
    ['http://[fd00::20]:7480', 'http://[fd00::20]/*'],
    // Only the exact AWS suffix is pre-granted, not a look-alike.
    ['https://amazonaws.com.evil.example', 'https://*.amazonaws.com.evil.example/*'],
    ['http://s3.amazonaws.com', 'http://*.s3.amazonaws.com/*'],
  ])('%s → %s', (endpoint, pattern) => {
    expect(hostPermissionFor(endpoint)).toBe(pattern);
  });
});
