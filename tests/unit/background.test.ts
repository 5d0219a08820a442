import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { COPY_LINK_COMMAND } from '@/utils/adapters/commands';
import { COPY_LINK_MENU_ID } from '@/utils/adapters/context-menu';
import { profilesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';

// The real background main() against fakeBrowser. contextMenus, commands, notifications and the offscreen
// API are not implemented by fakeBrowser, so they are stubbed here (see INFRA.md).

const profile: Profile = {
  id: 'p1',
  name: 'local',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'canary-secret-0123456789',
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:7480',
  forcePathStyle: true,
};

type Listener = (...args: unknown[]) => unknown;
const menuClick: Listener[] = [];
const commandListeners: Listener[] = [];
const created = vi.fn();
const notify = vi.fn(async (..._args: unknown[]) => 'id');
const sendMessage = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: true }));

beforeEach(() => {
  fakeBrowser.reset();
  menuClick.length = 0;
  commandListeners.length = 0;
  vi.clearAllMocks();
  Object.assign(fakeBrowser, {
    contextMenus: {
      create: created,
      removeAll: vi.fn(async () => undefined),
      onClicked: { addListener: (l: Listener) => menuClick.push(l) },
    },
    commands: { onCommand: { addListener: (l: Listener) => commandListeners.push(l) } },
    notifications: { create: notify },
  });
  fakeBrowser.runtime.sendMessage = sendMessage as never;
  vi.stubGlobal('chrome', {
    runtime: {
      getContexts: async () => [{ contextType: 'OFFSCREEN_DOCUMENT' }],
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
    },
    offscreen: { createDocument: vi.fn(), Reason: { CLIPBOARD: 'CLIPBOARD' } },
  });
  background.main();
});

async function settle(): Promise<void> {
  await vi.waitFor(() => expect(notify).toHaveBeenCalled());
}

function lastNotice(): { title: string; message: string } {
  return notify.mock.calls.at(-1)?.[0] as { title: string; message: string };
}

describe('background', () => {
  it('registers "Copy pre-signed link" on links when installed', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(created).toHaveBeenCalledWith({
      id: COPY_LINK_MENU_ID,
      title: 'Copy pre-signed link',
      contexts: ['link'],
    });
  });

  it('copies a signed link for an S3 link through the offscreen document and says so', async () => {
    await profilesItem.setValue([profile]);
    menuClick[0]?.({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/a%20b.txt' });
    await settle();
    const [message] = sendMessage.mock.calls[0] as [{ name: string; payload: { text: string } }];
    expect(message.name).toBe('writeClipboard');
    expect(message.payload.text).toMatch(
      /^http:\/\/127\.0\.0\.1:7480\/bucket\/a%20b\.txt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&/,
    );
    expect(lastNotice().title).toBe('Link copied: a b.txt');
    expect(lastNotice().message).toMatch(/^Expires .* \(in 1 hour\)\. Signed with profile “local”\.$/);
  });

  it('explains a link that is not S3, and copies nothing', async () => {
    await profilesItem.setValue([profile]);
    menuClick[0]?.({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'https://example.com/a.txt' });
    await settle();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(lastNotice().title).toBe('S3 Presign could not copy a link');
    expect(lastNotice().message).toMatch(/not .*S3/i);
  });

  it('asks for a profile when there is none', async () => {
    menuClick[0]?.({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 's3://bucket/key' });
    await settle();
    expect(lastNotice().message).toMatch(/No profile yet/);
  });

  it('says so when the clipboard refuses, without the secret', async () => {
    await profilesItem.setValue([profile]);
    sendMessage.mockResolvedValueOnce({ ok: false, error: { code: 'clipboard-failed', message: 'refused' } });
    menuClick[0]?.({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/k' });
    await settle();
    expect(lastNotice().message).toMatch(/could not be put on the clipboard/);
    expect(JSON.stringify(notify.mock.calls)).not.toContain(profile.secretAccessKey);
  });

  it('the shortcut signs the current tab’s S3 URL', async () => {
    await profilesItem.setValue([profile]);
    fakeBrowser.tabs.query = vi.fn(async () => [{ url: 'http://127.0.0.1:7480/bucket/tab.txt' }]) as never;
    commandListeners[0]?.(COPY_LINK_COMMAND);
    await settle();
    const [message] = sendMessage.mock.calls[0] as [{ payload: { text: string } }];
    expect(message.payload.text).toMatch(/^http:\/\/127\.0\.0\.1:7480\/bucket\/tab\.txt\?/);
  });

  it('the shortcut on a tab with no S3 object says what to do', async () => {
    await profilesItem.setValue([profile]);
    fakeBrowser.tabs.query = vi.fn(async () => [{ url: 'https://news.example.com/' }]) as never;
    commandListeners[0]?.(COPY_LINK_COMMAND);
    await settle();
    expect(lastNotice().title).toBe('S3 Presign could not copy a link');
  });
});
