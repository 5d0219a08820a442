import { describe, expect, it } from 'vitest';
import { userGrantedHosts } from '@/components/options/granted-hosts';

const BUILT_IN = ['https://*.amazonaws.com/*', 'http://127.0.0.1/*'];

describe('userGrantedHosts (the settings page’s list of hosts to revoke)', () => {
  it.each([
    { granted: [...BUILT_IN], expected: [] },
    { granted: [...BUILT_IN, 'https://minio.example.com/*'], expected: ['https://minio.example.com/*'] },
    {
      granted: ['https://b.example/*', ...BUILT_IN, 'https://*.a.example/*', 'https://b.example/*'],
      expected: ['https://*.a.example/*', 'https://b.example/*'],
    },
    { granted: [], expected: [] },
  ])('$granted → $expected', ({ granted, expected }) => {
    expect(userGrantedHosts(granted, BUILT_IN)).toEqual(expected);
  });
});
