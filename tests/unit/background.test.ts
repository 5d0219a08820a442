import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { COPY_LINK_MENU_ID } from '@/utils/adapters/context-menu';
import { takePendingLink } from '@/utils/adapters/link-tab';
import { bucketProfilesItem, profilesItem } from '@/utils/adapters/storage';
import type { Profile } from '@/utils/profile';
import { stubOffscreenClipboard } from '../support/offscreen';
import { cephProfile } from '../support/profiles';

// The real background main() against fakeBrowser. contextMenus, commands, notifications and the offscreen
// API are not implemented by fakeBrowser, so they are stubbed here (see INFRA.md). Menu building and the
// shortcut have their own files (context-menu, commands); this one covers the copy path from a menu click.

const profile: Profile = { ...cephProfile, id: 'p1', name: 'local' };

type Listener = (...args: unknown[]) => unknown;
const menuClick: Listener[] = [];
const notify = vi.fn(async (..._args: unknown[]) => 'id');
const answered = async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: true });
const refused = async (): Promise<unknown> => ({
  ok: false,
  error: { code: 'clipboard-failed', message: 'refused' },
});
const sendMessage = vi.fn(answered);
let offscreenOpen = false;
const createDocument = vi.fn(async () => {
  await new Promise((done) => setTimeout(done, 20));
  offscreenOpen = true;
});

beforeEach(() => {
  fakeBrowser.reset();
  menuClick.length = 0;
  vi.clearAllMocks();
  sendMessage.mockImplementation(answered);
  offscreenOpen = true;
  Object.assign(fakeBrowser, {
    contextMenus: {
      create: vi.fn((_spec: unknown, done?: () => void) => done?.()),
      removeAll: vi.fn(async () => undefined),
      onClicked: { addListener: (l: Listener) => menuClick.push(l) },
    },
    commands: { onCommand: { addListener: vi.fn() } },
    notifications: { create: notify, clear: vi.fn(), onClicked: { addListener: vi.fn() } },
  });
  stubOffscreenClipboard(sendMessage, { isOpen: () => offscreenOpen, createDocument });
  background.main();
});

/** The notice shown after a gesture (id, then options). */
async function notice(): Promise<{ title: string; message: string }> {
  await vi.waitFor(() => expect(notify).toHaveBeenCalled());
  return notify.mock.calls.at(-1)?.[1] as { title: string; message: string };
}

function click(info: Record<string, unknown>): void {
  menuClick[0]?.(info, { id: 1, url: 'https://tab.example/' });
}

function copied(): string {
  const [message] = sendMessage.mock.calls.at(-1) as [{ name: string; payload: { text: string } }];
  expect(message.name).toBe('writeClipboard');
  return message.payload.text;
}

describe('copying from the menu', () => {
  beforeEach(async () => {
    await profilesItem.setValue([profile]);
  });

  it('copies a signed link through the offscreen document and says when it expires and who signed', async () => {
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/a%20b.txt' });
    const { title, message } = await notice();
    expect(copied()).toMatch(
      /^http:\/\/127\.0\.0\.1:7480\/bucket\/a%20b\.txt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&/,
    );
    expect(title).toMatch(/^Link copied — expires \d\d?:\d\d.* \(in 1 hour\)$/);
    expect(message).toBe('“a b.txt” in bucket “bucket”, signed with profile “local”.');
  });

  it.each([
    [{ menuItemId: 'copy-presigned-link:900', linkUrl: 's3://bucket/k' }, 'GET', '900'],
    [{ menuItemId: 'copy-presigned-link:604800', linkUrl: 's3://bucket/k' }, 'GET', '604800'],
    [{ menuItemId: 'copy-upload-link', linkUrl: 's3://bucket/k' }, 'PUT', '3600'],
    [{ menuItemId: 'copy-page-link:86400', pageUrl: 'http://127.0.0.1:7480/bucket/k' }, 'GET', '86400'],
    [{ menuItemId: 'copy-page-upload-link', pageUrl: 'http://127.0.0.1:7480/bucket/k' }, 'PUT', '3600'],
  ])('%o signs a %s link lasting %s seconds', async (info, method, expires) => {
    // s3:// links have no store of their own: a single AWS profile signs them.
    await profilesItem.setValue([profile, { ...profile, id: 'aws', name: 'aws', endpoint: undefined }]);
    click(info);
    const { title } = await notice();
    const url = new URL(copied());
    expect(url.searchParams.get('X-Amz-Expires')).toBe(expires);
    expect(title.startsWith(method === 'PUT' ? 'Upload link copied' : 'Link copied')).toBe(true);
  });

  it('ignores items that are not its own', async () => {
    click({ menuItemId: 'someone-else', linkUrl: 's3://bucket/k' });
    await new Promise((done) => setTimeout(done, 50));
    expect(notify).not.toHaveBeenCalled();
  });

  it('remembers the profile that signed for the bucket, and says which one when several could', async () => {
    const other = { ...profile, id: 'p2', name: 'admin' };
    await profilesItem.setValue([profile, other]);
    await bucketProfilesItem.setValue({ 'http://127.0.0.1:7480|bucket': 'p2' });
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/k' });
    expect((await notice()).message).toMatch(
      /signed with profile “admin”, the one last used for bucket “bucket”; 1 other profile could sign/,
    );
    notify.mockClear();
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/other-bucket/k' });
    expect((await notice()).message).toMatch(/signed with profile “local”, the first in your list/);
    expect(await bucketProfilesItem.getValue()).toEqual({
      'http://127.0.0.1:7480|bucket': 'p2',
      'http://127.0.0.1:7480|other-bucket': 'p1',
    });
  });
});

describe('the clipboard', () => {
  beforeEach(async () => {
    await profilesItem.setValue([profile]);
  });

  it('opens the offscreen document once when two clicks race', async () => {
    offscreenOpen = false;
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/one' });
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/two' });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(2));
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  /** Everything in session storage (where the fallback tab's link waits). */
  const session = (): Promise<Record<string, unknown>> => fakeBrowser.storage.session.get(null);

  it('shows the link in a tab of its own page (not the offscreen document) when the clipboard refuses', async () => {
    sendMessage.mockImplementation(refused);
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/k' });
    const shown = await notice();
    expect(shown.title).toBe('Copy the link from the new tab');
    const tabs = await fakeBrowser.tabs.query({});
    const tabUrl = tabs.at(-1)?.url ?? '';
    expect(tabUrl).toMatch(/\/link\.html#[0-9a-f-]{36}$/);
    const hash = new URL(tabUrl).hash;
    const stored = JSON.stringify(await session());
    const pending = await takePendingLink(hash);
    expect(pending?.url).toMatch(/^http:\/\/127\.0\.0\.1:7480\/bucket\/k\?X-Amz-/);
    expect(JSON.stringify([notify.mock.calls, stored])).not.toContain(profile.secretAccessKey);
  });

  it('gives each of two refusals at once its own tab and link, each shown once then gone from storage', async () => {
    sendMessage.mockImplementation(refused);
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/one' });
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/two' });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(2));
    const hashes = (await fakeBrowser.tabs.query({}))
      .map((tab) => (tab.url ? new URL(tab.url).hash : ''))
      .filter((hash) => hash !== '');
    expect(hashes).toHaveLength(2);
    const links = await Promise.all(hashes.map(async (hash) => (await takePendingLink(hash))?.url));
    expect(links.map((url) => new URL(url ?? 'x:').pathname).sort()).toEqual(['/bucket/one', '/bucket/two']);
    // Read once: a reload finds nothing, and no live link is left in storage.
    expect(await takePendingLink(hashes[0] as string)).toBeNull();
    expect(await session()).toEqual({});
  });

  it('reads nothing for a hash that is not a link id of its own', async () => {
    await fakeBrowser.storage.session.set({ pendingLink: { url: 'https://old', title: '', message: '' } });
    expect(await takePendingLink('#show')).toBeNull();
    expect(await takePendingLink('#../pendingLink')).toBeNull();
  });

  it('says the copy failed when no tab can show the link either', async () => {
    sendMessage.mockImplementation(refused);
    fakeBrowser.tabs.create = vi.fn(async () => Promise.reject(new Error('no window'))) as never;
    click({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/k' });
    expect(await notice()).toMatchObject({
      title: 'The link could not be copied',
      message:
        'The link was signed but the browser would not put it on the clipboard. Try again, or sign it in S3 Presign’s popup and copy it there.',
    });
    // The link meant for the tab that never opened is not left behind.
    expect(await session()).toEqual({});
  });
});

describe('errors, as notifications that say what to do', () => {
  it.each([
    [
      'a link that is not S3',
      [profile],
      { linkUrl: 'https://example.com/a.txt' },
      'Not a link to an S3 object',
      /example\.com is not an S3 host\. If it is an S3-compatible store/,
    ],
    [
      'no profile yet',
      [],
      { linkUrl: 's3://bucket/key' },
      'No profile for this bucket',
      /^No profile yet: open S3 Presign/,
    ],
    [
      'no profile for the endpoint',
      [{ ...profile, endpoint: undefined }],
      { linkUrl: 'https://minio.example.com/b/k' },
      'Not a link to an S3 object',
      /add its endpoint to a profile/,
    ],
    [
      'no AWS profile',
      [profile],
      { linkUrl: 's3://bucket/key' },
      'No profile for this bucket',
      /No profile signs for AWS S3 \(bucket “bucket”\)/,
    ],
    [
      'expired credentials',
      [{ ...profile, sessionToken: 'tok', sessionExpiration: '2000-01-01T00:00:00.000Z' }],
      { linkUrl: 'http://127.0.0.1:7480/bucket/k' },
      'Credentials expired',
      /^Profile “local”: These temporary credentials expired at 00:00 UTC on 1 Jan 2000\. Get fresh ones/,
    ],
  ] as const)(
    'explains %s, copies nothing and leaks no secret',
    async (_name, profiles, info, title, message) => {
      await profilesItem.setValue([...profiles]);
      click({ menuItemId: COPY_LINK_MENU_ID, ...info });
      const shown = await notice();
      expect(shown.title).toBe(title);
      expect(shown.message).toMatch(message);
      expect(sendMessage).not.toHaveBeenCalled();
      expect(JSON.stringify(notify.mock.calls)).not.toContain(profile.secretAccessKey);
    },
  );
});

describe('what the background loads', () => {
  /** Local modules reachable from a file through static and dynamic imports, with the packages they import. */
  function imports(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
    if (seen.has(file)) return seen;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] as string);
    seen.set(
      file,
      specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('@/')),
    );
    for (const specifier of specifiers) {
      if (!specifier.startsWith('.') && !specifier.startsWith('@/')) continue;
      const base = specifier.startsWith('@/')
        ? resolve(specifier.slice(2))
        : resolve(dirname(file), specifier);
      imports(`${base}.ts`, seen);
    }
    return seen;
  }

  it('keeps the offscreen document off storage (it has chrome.runtime only; WXT items read storage when defined)', () => {
    const graph = imports(resolve('entrypoints/offscreen/main.ts'));
    expect(graph.has(resolve('utils/messages.ts'))).toBe(true);
    expect([...graph.keys()].filter((file) => /adapters\/(storage|link-tab)\.ts$/.test(file))).toEqual([]);
    expect([...graph.values()].flat().filter((name) => name.includes('storage'))).toEqual([]);
  });

  it('never pulls in the full S3 client (87 KB gzip, ~60 ms to start)', () => {
    const graph = imports(resolve('entrypoints/background.ts'));
    // The walk reaches the signer, so a client import anywhere on the way would be seen.
    expect(graph.has(resolve('utils/presign.ts'))).toBe(true);
    const packages = [...graph.values()].flat();
    expect(packages.filter((name) => name.startsWith('@aws-sdk/client-'))).toEqual([]);
  });
});
