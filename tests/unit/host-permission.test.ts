import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  hasHostAccess,
  hostOrigins,
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

describe('requestHostAccess', () => {
  it('calls permissions.request synchronously, before anything is awaited, and never calls contains first', () => {
    const request = vi.spyOn(browser.permissions, 'request').mockReturnValue(never() as never);
    const contains = vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    void requestHostAccess(['https://abc.r2.cloudflarestorage.com', 'https://abc.r2.cloudflarestorage.com']);
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
    await expect(requestHostAccess(['http://nas.lan:9000'])).resolves.toBe(expected);
  });

  it('asks nothing for AWS, loopback or no endpoint (the manifest grants them)', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    await expect(
      requestHostAccess([undefined, 'http://127.0.0.1:7480', 'https://s3.eu-west-3.amazonaws.com']),
    ).resolves.toBe('not-needed');
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for each custom host once, without the port (match patterns hold none)', () => {
    expect(hostOrigins(['http://nas.lan:9000', 'http://nas.lan:9001', 'https://s3.wasabisys.com'])).toEqual([
      'http://*.nas.lan/*',
      'https://*.s3.wasabisys.com/*',
    ]);
  });
});

describe('hasHostAccess', () => {
  it('asks the browser whether the custom hosts are granted', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
    await expect(hasHostAccess(['http://nas.lan:9000'])).resolves.toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://*.nas.lan/*'] });
    contains.mockResolvedValue(true as never);
    await expect(hasHostAccess(['http://nas.lan:9000'])).resolves.toBe(true);
  });

  it('is true without asking when no endpoint needs a grant', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains');
    await expect(hasHostAccess(['http://localhost:9000', undefined])).resolves.toBe(true);
    expect(contains).not.toHaveBeenCalled();
  });
});

describe('refusedHostMessage', () => {
  it('names the host with its port, says signing still works, and where to ask again', () => {
    const message = refusedHostMessage(['http://nas.lan:9000', 'http://nas.lan:9000']);
    expect(message).toMatch(/did not grant access to nas\.lan:9000\./);
    expect(message).toMatch(/links can still be signed/);
    expect(message).toMatch(/Allow access/);
  });
});
