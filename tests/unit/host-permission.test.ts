import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hasHostAccess,
  hostOrigins,
  hostsNeedingAccess,
  refusedHostMessage,
  requestHostAccess,
} from '@/utils/adapters/host-permission';

// Asking for optional host access. Firefox prompts only for a permissions.request made synchronously inside
// the click (no await before it), so the request must be the first thing requestHostAccess does.

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const never = <T>(): Promise<T> => new Promise<T>(() => {});
const pathStyle = (endpoint: string) => ({ endpoint, forcePathStyle: true });
const virtualHosted = (endpoint: string) => ({ endpoint, forcePathStyle: false });

/** permissions.contains as Chrome answers it: every origin asked must lie within one granted pattern. */
function grantedOnly(...granted: string[]) {
  const within = (origin: string, pattern: string): boolean => {
    const [, scheme, host] = /^([a-z]+):\/\/([^/]+)\/\*$/.exec(origin) ?? [];
    const [, grantedScheme, grantedHost] = /^([a-z]+):\/\/([^/]+)\/\*$/.exec(pattern) ?? [];
    if (!host || !grantedHost || scheme !== grantedScheme) return false;
    if (!grantedHost.startsWith('*.')) return host === grantedHost;
    const base = grantedHost.slice(2);
    const asked = host.startsWith('*.') ? host.slice(2) : host;
    return asked === base || asked.endsWith(`.${base}`);
  };
  return async ({ origins = [] }: { origins?: string[] }) =>
    origins.every((origin) => granted.some((pattern) => within(origin, pattern)));
}

describe('requestHostAccess', () => {
  it('calls permissions.request synchronously, before anything is awaited, and never calls contains first', () => {
    const request = vi.spyOn(browser.permissions, 'request').mockReturnValue(never() as never);
    const contains = vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    void requestHostAccess([
      virtualHosted('https://abc.r2.cloudflarestorage.com'),
      virtualHosted('https://abc.r2.cloudflarestorage.com'),
    ]);
    // No microtask has run yet: the call happened inside the caller's (the click's) own stack.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: ['https://*.abc.r2.cloudflarestorage.com/*'] });
    expect(contains).not.toHaveBeenCalled();
  });

  it.each([
    { what: 'true', answer: () => Promise.resolve(true), expected: 'granted' },
    { what: 'false (the user said no)', answer: () => Promise.resolve(false), expected: 'refused' },
    { what: 'a rejection', answer: () => Promise.reject(new Error('prompt failed')), expected: 'refused' },
    {
      what: 'a synchronous throw (Firefox, outside a user input handler)',
      answer: () => {
        throw new Error('permissions.request may only be called from a user input handler');
      },
      expected: 'refused',
    },
  ])('answers $what as $expected', async ({ answer, expected }) => {
    vi.spyOn(browser.permissions, 'request').mockImplementation(answer as never);
    await expect(requestHostAccess([pathStyle('http://nas.lan:9000')])).resolves.toBe(expected);
  });

  it('asks nothing for AWS, loopback or no endpoint (the manifest grants them)', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    await expect(
      requestHostAccess([
        undefined,
        { forcePathStyle: false },
        virtualHosted('http://127.0.0.1:7480'),
        virtualHosted('https://s3.eu-west-3.amazonaws.com'),
      ]),
    ).resolves.toBe('not-needed');
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for each custom host once, without the port (match patterns hold none)', () => {
    expect(
      hostOrigins([
        virtualHosted('http://nas.lan:9000'),
        virtualHosted('http://nas.lan:9001'),
        virtualHosted('https://s3.wasabisys.com'),
      ]),
    ).toEqual(['http://*.nas.lan/*', 'https://*.s3.wasabisys.com/*']);
  });

  it('asks each profile for what its addressing reaches: the host for path-style, its subdomains otherwise', () => {
    const request = vi.spyOn(browser.permissions, 'request').mockReturnValue(never() as never);
    void requestHostAccess([
      pathStyle('https://minio.example.com:9000'),
      virtualHosted('http://nas.lan:9000'),
    ]);
    expect(request).toHaveBeenCalledWith({ origins: ['https://minio.example.com/*', 'http://*.nas.lan/*'] });
  });
});

describe('hasHostAccess', () => {
  it('asks the browser whether the custom hosts are granted', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    await expect(hasHostAccess([virtualHosted('http://nas.lan:9000')])).resolves.toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://*.nas.lan/*'] });
    contains.mockResolvedValue(true as never);
    await expect(hasHostAccess([virtualHosted('http://nas.lan:9000')])).resolves.toBe(true);
  });

  it('is true for a path-style profile whose host alone was granted (as saving asked before subdomains)', async () => {
    const contains = vi
      .spyOn(browser.permissions, 'contains')
      .mockImplementation(grantedOnly('https://minio.example.com/*') as never);
    await expect(hasHostAccess([pathStyle('https://minio.example.com:9000')])).resolves.toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://minio.example.com/*'] });
    // A profile with buckets in the host name does need the subdomains.
    await expect(hasHostAccess([virtualHosted('https://minio.example.com:9000')])).resolves.toBe(false);
  });

  it('is true for a path-style profile when the subdomains were granted (they include the host)', async () => {
    vi.spyOn(browser.permissions, 'contains').mockImplementation(
      grantedOnly('https://*.minio.example.com/*') as never,
    );
    await expect(hasHostAccess([pathStyle('https://minio.example.com')])).resolves.toBe(true);
  });

  it('is true without asking when no endpoint needs a grant', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains');
    await expect(hasHostAccess([virtualHosted('http://localhost:9000'), undefined])).resolves.toBe(true);
    expect(contains).not.toHaveBeenCalled();
  });
});

describe('refusedHostMessage', () => {
  it('names the host with its port, says signing still works, and where to ask again', () => {
    const message = refusedHostMessage([
      pathStyle('http://nas.lan:9000'),
      virtualHosted('http://nas.lan:9000'),
    ]);
    expect(message).toMatch(/did not grant access to nas\.lan:9000\./);
    expect(message).toMatch(/links can still be signed/);
    expect(message).toMatch(/Allow access/);
  });
});

describe('hostsNeedingAccess', () => {
  it('names each host that needs a grant once, with its port, and never AWS or loopback', () => {
    expect(
      hostsNeedingAccess([
        pathStyle('http://nas.lan:9000'),
        virtualHosted('http://nas.lan:9000'),
        pathStyle('http://127.0.0.1:7480'),
        { forcePathStyle: false },
        undefined,
        virtualHosted('https://s3.eu-west-3.amazonaws.com'),
        pathStyle('https://minio.example.com'),
      ]),
    ).toEqual(['nas.lan:9000', 'minio.example.com']);
  });
});
