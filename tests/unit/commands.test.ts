import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addCommands, COPY_LINK_COMMAND } from '@/utils/adapters/commands';
import { lastPickedItem, profilesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';
import { stubOffscreenClipboard } from '../support/offscreen';
import { cephProfile } from '../support/profiles';

// The shortcut's listener against fakeBrowser, with commands, notifications and the offscreen document stubbed
// (see INFRA.md). Which object it picks is tested purely in menu-gestures.test.ts; this checks the wiring.

const profile: Profile = { ...cephProfile, id: 'p1', name: 'local' };

type Listener = (...args: unknown[]) => unknown;
const commandListeners: Listener[] = [];
const notify = vi.fn(async (..._args: unknown[]) => 'id');
const sendMessage = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: true }));

beforeEach(() => {
  fakeBrowser.reset();
  commandListeners.length = 0;
  vi.clearAllMocks();
  Object.assign(fakeBrowser, {
    commands: { onCommand: { addListener: (l: Listener) => commandListeners.push(l) } },
    notifications: { create: notify },
  });
  stubOffscreenClipboard(sendMessage);
  addCommands();
});

async function notice(): Promise<{ title: string; message: string }> {
  await vi.waitFor(() => expect(notify).toHaveBeenCalled());
  return notify.mock.calls.at(-1)?.[1] as { title: string; message: string };
}

function copied(): string {
  const [message] = sendMessage.mock.calls.at(-1) as [{ name: string; payload: { text: string } }];
  expect(message.name).toBe('writeClipboard');
  return message.payload.text;
}

describe('the shortcut', () => {
  beforeEach(async () => {
    await profilesItem.setValue([profile]);
  });

  it('signs the current tab’s S3 URL', async () => {
    commandListeners[0]?.(COPY_LINK_COMMAND, { url: 'http://127.0.0.1:7480/bucket/tab.txt' });
    await notice();
    expect(copied()).toMatch(/^http:\/\/127\.0\.0\.1:7480\/bucket\/tab\.txt\?/);
  });

  it('asks the browser for the active tab when the command does not say', async () => {
    fakeBrowser.tabs.query = vi.fn(async () => [
      { url: 'http://127.0.0.1:7480/bucket/queried.txt' },
    ]) as never;
    commandListeners[0]?.(COPY_LINK_COMMAND);
    await notice();
    expect(copied()).toMatch(/\/bucket\/queried\.txt\?/);
  });

  it('signs the last picked object when the tab has none, and says so', async () => {
    await lastPickedItem.setValue({
      profileId: 'p1',
      bucket: 'photos',
      key: 'cat.jpg',
      pickedAt: '2026-11-22T10:00:00Z',
    });
    commandListeners[0]?.(COPY_LINK_COMMAND, { url: 'https://news.example.com/' });
    const { message } = await notice();
    expect(copied()).toMatch(/^http:\/\/127\.0\.0\.1:7480\/photos\/cat\.jpg\?/);
    expect(message).toMatch(/the object you last picked in the popup/);
  });

  it('explains a tab with no S3 object when nothing was picked', async () => {
    commandListeners[0]?.(COPY_LINK_COMMAND, { url: 'https://news.example.com/' });
    expect((await notice()).title).toBe('Not a link to an S3 object');
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('ignores other commands', async () => {
    commandListeners[0]?.('something-else', { url: 'http://127.0.0.1:7480/bucket/tab.txt' });
    await new Promise((done) => setTimeout(done, 50));
    expect(notify).not.toHaveBeenCalled();
  });
});
