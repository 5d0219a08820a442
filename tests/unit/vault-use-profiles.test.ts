import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useProfiles } from '@/components/hooks/use-profiles';
import type { ProfilesState } from '@/utils/adapters/vault-store';

// The hook every page reads the profiles through, rendered in a DOM (linkedom): whatever the read does, the page
// gets a state (never left busy, aria-busy forever).

const seen: (ProfilesState | undefined)[] = [];

function Probe(): null {
  seen.push(useProfiles());
  return null;
}

let root: Element;

beforeEach(() => {
  fakeBrowser.reset();
  seen.length = 0;
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  root = document.getElementById('root') as unknown as Element;
});

afterEach(() => {
  render(null, root);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useProfiles', () => {
  it('gives the stored state once read', async () => {
    render(h(Probe, {}), root);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ status: 'ready', profiles: [], encrypted: false }));
  });

  it('a read that throws (storage refused) ends on the locked screen with a message, not busy forever', async () => {
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(new Error('storage is gone'));
    render(h(Probe, {}), root);
    await vi.waitFor(() => expect(seen.at(-1)).toMatchObject({ status: 'locked', profiles: [] }));
    const last = seen.at(-1) as { error?: string };
    expect(last.error).toMatch(/could not read its stored keys/);
    expect(last.error).not.toContain('storage is gone');
  });
});
