import { describe, expect, it } from 'vitest';
import { hostPermissionFor } from '@/utils/host-pattern';

const pathStyle = (endpoint: string) => ({ endpoint, forcePathStyle: true });
const virtualHosted = (endpoint: string) => ({ endpoint, forcePathStyle: false });

describe('hostPermissionFor', () => {
  it.each([
    [undefined, undefined],
    [{ forcePathStyle: false }, undefined],
    [virtualHosted('http://127.0.0.1:7480'), undefined],
    [virtualHosted('http://localhost:9000/s3'), undefined],
    [virtualHosted('https://s3.eu-west-3.amazonaws.com'), undefined],
    // Without path-style, buckets live at bucket.host: named hosts with their subdomains.
    [virtualHosted('https://minio.example.com:9000'), 'https://*.minio.example.com/*'],
    [virtualHosted('https://storage.example.com/s3'), 'https://*.storage.example.com/*'],
    [
      virtualHosted('https://ACCOUNT.r2.cloudflarestorage.com'),
      'https://*.account.r2.cloudflarestorage.com/*',
    ],
    // An IP has no subdomains (the SDK goes path-style there): the host only.
    [virtualHosted('http://192.168.1.20:7480'), 'http://192.168.1.20/*'],
    [virtualHosted('http://[fd00::20]:7480'), 'http://[fd00::20]/*'],
    // Only the exact AWS suffix is pre-granted, not a look-alike.
    [virtualHosted('https://amazonaws.com.evil.example'), 'https://*.amazonaws.com.evil.example/*'],
    [virtualHosted('http://s3.amazonaws.com'), 'http://*.s3.amazonaws.com/*'],
  ])('%o → %s', (target, pattern) => {
    expect(hostPermissionFor(target)).toBe(pattern);
  });

  it.each([
    ['https://minio.example.com:9000', 'https://minio.example.com/*'],
    ['https://storage.example.com/s3', 'https://storage.example.com/*'],
    ['http://192.168.1.20:7480', 'http://192.168.1.20/*'],
    ['http://[fd00::20]:7480', 'http://[fd00::20]/*'],
  ])('path-style %s asks for the host only, no subdomains: %s', (endpoint, pattern) => {
    // Every request of a path-style profile goes to the endpoint's own host.
    expect(hostPermissionFor(pathStyle(endpoint))).toBe(pattern);
  });

  it('asks nothing for AWS or loopback whatever the addressing', () => {
    expect(hostPermissionFor(pathStyle('http://127.0.0.1:7480'))).toBeUndefined();
    expect(hostPermissionFor(pathStyle('https://s3.amazonaws.com'))).toBeUndefined();
  });
});
