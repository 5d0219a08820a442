import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addContextMenu, syncContextMenu } from '@/utils/adapters/context-menu';
import { preferencesItem, profilesItem } from '@/utils/adapters/storage';
import { type MenuItemSpec, menuItems } from '@/utils/menu';
import { BUILT_IN_PAGE_PATTERNS } from '@/utils/menu-patterns';
import type { Profile } from '@/utils/profile';
import { stubOffscreenClipboard } from '../support/offscreen';
import { cephProfile } from '../support/profiles';

// Building the menu in the browser: when, in what order, and what happens when the browser refuses an item.
// fakeBrowser has no contextMenus (see INFRA.md): a stub records the calls and can refuse items.

const ceph = cephProfile;
const minio: Profile = { ...ceph, id: 'minio', endpoint: 'https://minio.example.com:9000' };

let calls: string[];
let created: MenuItemSpec[];
let refuse: (spec: MenuItemSpec) => string | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  created = [];
  refuse = () => undefined;
  Object.assign(fakeBrowser, {
    contextMenus: {
      removeAll: vi.fn(async () => {
        calls.push('removeAll');
        created = [];
      }),
      create: vi.fn((spec: MenuItemSpec, done: () => void) => {
        const error = refuse(spec);
        Object.assign(fakeBrowser.runtime, { lastError: error ? { message: error } : undefined });
        if (!error) {
          calls.push(`create ${spec.id}`);
          created.push(spec);
        }
        done();
      }),
      onClicked: { addListener: vi.fn() },
    },
  });
  await profilesItem.setValue([ceph]);
  addContextMenu();
});

/** Lets the storage watchers and the rebuild queue run. */
async function settled(): Promise<void> {
  await new Promise((done) => setTimeout(done, 10));
  await syncContextMenu();
}

describe('the context menu in the browser', () => {
  it('is built on install from the stored profiles and default expiry, parents before children', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settled();
    expect(created).toEqual(menuItems([ceph], 3600));
    expect(calls[0]).toBe('removeAll');
  });

  it('is rebuilt when browser starts, even if nothing changed (menus may be gone)', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settled();
    calls = [];
    await fakeBrowser.runtime.onStartup.trigger();
    await settled();
    expect(calls.filter((call) => call === 'removeAll')).toHaveLength(1);
  });

  it('follows profile changes: a new endpoint shows up in the link patterns', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settled();
    await profilesItem.setValue([ceph, minio]);
    await settled();
    expect(created.find((item) => item.id === 'copy-presigned-link')?.targetUrlPatterns).toContain(
      'https://minio.example.com/*',
    );
  });

  it('follows the default expiry: the marked choice moves', async () => {
    await preferencesItem.setValue({ defaultExpiresIn: 86_400 });
    await settled();
    expect(created.find((item) => item.id === 'copy-presigned-link:86400')?.title).toBe(
      '1 day (your default)',
    );
  });

  it('does not rebuild for a preference that changes nothing in it (the popup writes often)', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await settled();
    calls = [];
    await preferencesItem.setValue({ defaultExpiresIn: 3600, lastProfileId: 'ceph' });
    await settled();
    expect(calls).toEqual([]);
  });

  it('never interleaves two rebuilds (duplicate ids would be refused)', async () => {
    await Promise.all([syncContextMenu(true), syncContextMenu(true)]);
    const removals = calls.flatMap((call, index) => (call === 'removeAll' ? [index] : []));
    expect(removals).toEqual([0, menuItems([ceph], 3600).length + 1]);
  });

  it('shows a link item on every link rather than not at all when the browser refuses its patterns', async () => {
    refuse = (spec) => (spec.targetUrlPatterns ? 'Invalid url pattern' : undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await syncContextMenu(true);
    const link = created.find((item) => item.id === 'copy-presigned-link');
    expect(link).toMatchObject({ title: 'Copy pre-signed link', contexts: ['link'] });
    expect(link?.targetUrlPatterns).toBeUndefined();
    expect(created.find((item) => item.id === 'copy-page-link')?.documentUrlPatterns).toBeDefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('keeps a page item on S3 hosts when the browser refuses its endpoint patterns, never everywhere', async () => {
    refuse = (spec) =>
      spec.documentUrlPatterns?.includes('http://127.0.0.1/*') ? 'Invalid url pattern' : undefined;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await syncContextMenu(true);
    const pageItems = created.filter((item) => item.contexts[0] === 'page');
    expect(pageItems).toHaveLength(menuItems([ceph], 3600).length / 2);
    for (const item of pageItems) expect(item.documentUrlPatterns).toEqual([...BUILT_IN_PAGE_PATTERNS]);
    expect(created.find((item) => item.id === 'copy-presigned-link')?.targetUrlPatterns).toContain(
      'http://127.0.0.1/*',
    );
    warn.mockRestore();
  });
});

describe('a click on a page item', () => {
  type ClickListener = (info: object, tab?: object) => unknown;
  const notify = vi.fn(async (..._args: unknown[]) => 'id');
  const sendMessage = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: true }));

  beforeEach(() => {
    Object.assign(fakeBrowser, { notifications: { create: notify } });
    stubOffscreenClipboard(sendMessage);
    notify.mockClear();
    sendMessage.mockClear();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function copiedAfter(info: object, tab?: object): Promise<string> {
    const listener = vi.mocked(fakeBrowser.contextMenus.onClicked.addListener).mock
      .calls[0]?.[0] as ClickListener;
    listener(info, tab);
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    const [message] = (sendMessage.mock.calls.at(-1) ?? []) as [{ payload: { text: string } }?];
    return message?.payload.text ?? '';
  }

  it('inside a frame showing an object of a profile’s endpoint, signs the frame’s object', async () => {
    const info = {
      menuItemId: 'copy-page-link:900',
      frameId: 7,
      frameUrl: 'http://127.0.0.1:7480/reports/q3.pdf',
      pageUrl: 'https://wiki.example.com/quarterly',
      editable: false,
    };
    const link = await copiedAfter(info, { id: 1, url: info.pageUrl });
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:7480\/reports\/q3\.pdf\?/);
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('on an image opened in a tab, signs the page (the image’s own URL)', async () => {
    const url = 'http://127.0.0.1:7480/photos/cat.jpg';
    const info = {
      menuItemId: 'copy-page-link',
      mediaType: 'image',
      srcUrl: url,
      pageUrl: url,
      editable: false,
    };
    expect(await copiedAfter(info, { id: 1, url })).toMatch(
      /^http:\/\/127\.0\.0\.1:7480\/photos\/cat\.jpg\?/,
    );
  });
});
