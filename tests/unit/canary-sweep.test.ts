import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { vaultErrorText } from '@/components/vault-error';
import background from '@/entrypoints/background';
import { COPY_LINK_COMMAND } from '@/utils/adapters/commands';
import { COPY_LINK_MENU_ID } from '@/utils/adapters/context-menu';
import { saveFailure, saveProfiles } from '@/utils/adapters/profile-store';
import { exportSettings, exportVaultFile } from '@/utils/adapters/settings-transfer';
import { signWithStoredProfiles } from '@/utils/adapters/stored-signer';
import { testLink } from '@/utils/adapters/test-link';
import {
  changePassphrase,
  lock,
  removePassphrase,
  setPassphrase,
  unlock,
} from '@/utils/adapters/vault-store';
import { type MessageRuntime, onMessages, sendMessage } from '@/utils/messages';
import type { Profile } from '@/utils/profile';
import { stubOffscreenClipboard } from '../support/offscreen';
import { cephProfile } from '../support/profiles';

// Puts a canary secret key, session token and passphrase through every path that handles them, and sweeps every
// output for them. The only places the canaries may appear: the secret and token in storage.local's `secrets`
// (no passphrase; with one, nowhere readable), and the token in the signed URL of a session-token link (S3
// needs it there). Surfaces swept: storage.local (every key), storage.session, storage.sync, console.*,
// notifications, clipboard writes, messages and their error replies, thrown errors, exported settings and the
// vault file, the link history, every fetch / XMLHttpRequest (the token only in a signed S3 call), the UI's
// error texts (saveFailure, vaultErrorText). The derived key (read from session storage once unlocked) is a
// canary too, for storage.local, storage.sync and console.*. Both gestures are swept: menu and shortcut.

const SECRET = 'CANARY-secret-9f8e7d6c5b4a';
const TOKEN = 'CANARY-token-1a2b3c4d5e6f';
const PASS = 'CANARY-passphrase-0x5eed';
const CANARIES = [SECRET, TOKEN, PASS];

const temporary: Profile = {
  ...cephProfile,
  id: 'temp',
  name: 'temporary',
  secretAccessKey: SECRET,
  sessionToken: TOKEN,
  sessionExpiration: new Date(Date.now() + 3_600_000).toISOString(),
};

type Listener = (...args: unknown[]) => unknown;
const menuClick: Listener[] = [];
const commandListeners: Listener[] = [];
/** Every request any code made, as text: fetch (URL, headers, body) and XMLHttpRequest (open, headers, send). */
const requests: string[] = [];
const notify = vi.fn(async (..._args: unknown[]) => 'id');
const sendRuntime = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: true }));
const consoleCalls: unknown[][] = [];
const METHODS = [
  'log',
  'info',
  'warn',
  'error',
  'debug',
  'trace',
  'dir',
  'table',
  'group',
  'groupCollapsed',
] as const;

beforeEach(() => {
  fakeBrowser.reset();
  menuClick.length = 0;
  commandListeners.length = 0;
  requests.length = 0;
  consoleCalls.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: unknown, init?: { headers?: unknown; body?: unknown }) => {
      requests.push(JSON.stringify([String(input), init?.headers ?? null, String(init?.body ?? '')]));
      return new Response('', { status: 200 });
    }),
  );
  vi.stubGlobal(
    'XMLHttpRequest',
    class {
      private seen: string[] = [];
      open(...args: unknown[]): void {
        this.seen.push(JSON.stringify(args));
      }
      setRequestHeader(...args: unknown[]): void {
        this.seen.push(JSON.stringify(args));
      }
      send(body?: unknown): void {
        requests.push([...this.seen, String(body ?? '')].join(' '));
      }
    },
  );
  vi.clearAllMocks();
  for (const method of METHODS)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  Object.assign(fakeBrowser, {
    contextMenus: {
      create: vi.fn((_spec: unknown, done?: () => void) => done?.()),
      removeAll: vi.fn(async () => undefined),
      onClicked: { addListener: (l: Listener) => menuClick.push(l) },
    },
    commands: { onCommand: { addListener: (l: Listener) => commandListeners.push(l) } },
    notifications: { create: notify, clear: vi.fn(), onClicked: { addListener: vi.fn() } },
  });
  stubOffscreenClipboard(sendRuntime);
  background.main();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Everything a user, a log or another extension could see, by surface. */
async function surfaces(extra: Record<string, unknown> = {}): Promise<Record<string, string>> {
  const local = await browser.storage.local.get(null);
  const { secrets, vault, ...rest } = local;
  const clipboard = sendRuntime.mock.calls.map(([message]) => message);
  return {
    'storage.local (all but secrets/vault)': JSON.stringify(rest),
    'storage.local history': JSON.stringify(local.history ?? []),
    'storage.local vault (sealed)': JSON.stringify(vault ?? null),
    'storage.session': JSON.stringify(await browser.storage.session.get(null)),
    'storage.sync': JSON.stringify(await browser.storage.sync.get(null)),
    'console.*': JSON.stringify(consoleCalls.map((args) => args.map(String))),
    notifications: JSON.stringify(notify.mock.calls),
    // The only request allowed to carry the token is a signed S3 call (its signature in the URL or header).
    'requests (fetch, XMLHttpRequest) other than signed S3 calls': JSON.stringify(
      requests.filter((request) => !/X-Amz-Signature=|AWS4-HMAC-SHA256/.test(request)),
    ),
    'every request (no secret, no passphrase)': JSON.stringify(requests).replaceAll(TOKEN, 'TOKEN'),
    'clipboard writes without the signed URL': JSON.stringify(clipboard).replace(
      /http[^"]*X-Amz[^"]*/g,
      'URL',
    ),
    ...Object.fromEntries(Object.entries(extra).map(([name, value]) => [name, JSON.stringify(value)])),
  };
}

function expectClean(seen: Record<string, string>, canaries: readonly string[] = CANARIES): void {
  for (const [surface, text] of Object.entries(seen))
    for (const canary of canaries)
      expect({ surface, leaks: text.includes(canary) }).toEqual({ surface, leaks: false });
}

/** The derived key while unlocked (from session storage), as base64 and hex: canaries for disk, sync and logs. */
async function derivedKeyCanaries(): Promise<string[]> {
  const { vaultKey } = await browser.storage.session.get('vaultKey');
  const key = (vaultKey as { key?: string } | undefined)?.key;
  expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  return [key ?? '', Buffer.from(key ?? '', 'base64').toString('hex')];
}

/** Presses the shortcut with the tab it came from, and returns the notice it showed. */
async function shortcut(url: string): Promise<{ title: string; message: string }> {
  notify.mockClear();
  commandListeners[0]?.(COPY_LINK_COMMAND, { id: 1, url });
  await vi.waitFor(() => expect(notify).toHaveBeenCalled());
  return notify.mock.calls.at(-1)?.[1] as { title: string; message: string };
}

async function gesture(info: Record<string, unknown>): Promise<{ title: string; message: string }> {
  notify.mockClear();
  menuClick[0]?.(info, { id: 1, url: 'https://tab.example/' });
  await vi.waitFor(() => expect(notify).toHaveBeenCalled());
  return notify.mock.calls.at(-1)?.[1] as { title: string; message: string };
}

const error = (run: () => Promise<unknown>): Promise<unknown> =>
  run().then(
    () => undefined,
    (e: unknown) => e,
  );

describe('the canary sweep', () => {
  it('without a passphrase: the canaries are only in storage.local secrets and the session-token link', async () => {
    await saveProfiles([temporary]);
    expect(JSON.stringify((await browser.storage.local.get('secrets')).secrets)).toContain(SECRET);

    // Signing from the menu: the link carries the token (S3 needs it), never the secret.
    const copiedNotice = await gesture({
      menuItemId: COPY_LINK_MENU_ID,
      linkUrl: 'http://127.0.0.1:7480/bucket/a.txt',
    });
    expect(copiedNotice.title).toMatch(/^Link copied/);
    const [[message]] = sendRuntime.mock.calls as unknown as [[{ payload: { text: string } }]];
    expect(message.payload.text).toContain(`X-Amz-Security-Token=${TOKEN}`);
    expect(message.payload.text).not.toContain(SECRET);

    // "Test link": the one request S3 Presign makes with a link; the token may be in it (signed), nothing else.
    const signed = await signWithStoredProfiles({ url: 'http://127.0.0.1:7480/bucket/a.txt', method: 'GET' });
    await testLink({ url: signed.url, method: 'GET', bucket: 'bucket', key: 'a.txt' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain(`X-Amz-Security-Token=${TOKEN}`);

    // Failed gestures and failed signing: their notices and errors.
    await gesture({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'https://tab.example/not-s3' });
    await gesture({
      menuItemId: 'copy-presigned-link:99999999',
      linkUrl: 'http://127.0.0.1:7480/bucket/a.txt',
    });
    const thrown = [
      await error(() =>
        signWithStoredProfiles({ url: 'http://127.0.0.1:7480/bucket/a.txt', method: 'GET', expiresIn: -1 }),
      ),
      await error(() => signWithStoredProfiles({ url: 'not a url', method: 'GET' })),
    ];
    await saveProfiles([{ ...temporary, sessionExpiration: new Date(Date.now() - 1000).toISOString() }]);
    const expired = await gesture({
      menuItemId: COPY_LINK_MENU_ID,
      linkUrl: 'http://127.0.0.1:7480/bucket/a.txt',
    });
    expect(expired.title).toBe('Credentials expired');

    // Messages: a failing signLink answered across the boundary.
    const handlers: Listener[] = [];
    const runtime: MessageRuntime = {
      sendMessage: async (m) => handlers[0]?.(m),
      onMessage: { addListener: (l) => void handlers.push(l as Listener), removeListener: vi.fn() },
    };
    onMessages(runtime, { signLink: signWithStoredProfiles });
    const reply = await error(() =>
      sendMessage(runtime, 'signLink', { url: 'http://127.0.0.1:7480/b/k', method: 'GET', expiresIn: 0 }),
    );

    const exported = await exportSettings();
    const vaultFile = await exportVaultFile(PASS);
    const seen = await surfaces({
      'thrown errors': thrown.map(String),
      'message error reply': String(reply),
      'exported settings': exported,
      'vault file': vaultFile,
    });
    expect(JSON.parse(seen['storage.local history'] ?? '[]')).not.toHaveLength(0); // the history was swept, not empty
    expectClean(seen);
    expect(await browser.storage.sync.get(null)).toEqual({});
  });

  it('with a passphrase: the canaries are nowhere readable, locked or not, and the locked notice opens the popup', async () => {
    await saveProfiles([temporary]);
    await setPassphrase(PASS);
    await gesture({ menuItemId: COPY_LINK_MENU_ID, linkUrl: 'http://127.0.0.1:7480/bucket/a.txt' });
    await lock();
    const locked = await gesture({
      menuItemId: COPY_LINK_MENU_ID,
      linkUrl: 'http://127.0.0.1:7480/bucket/a.txt',
    });
    expect(locked.title).toBe('Unlock S3 Presign to copy links');
    expect((await browser.storage.session.get('noticeAction')).noticeAction).toBe('unlock');
    const wrong = await error(() => unlock(`${PASS}-wrong`));
    await unlock(PASS);
    const seen = await surfaces({
      'wrong passphrase error': String(wrong),
      'exported settings': await exportSettings(),
    });
    expectClean({
      ...seen,
      'storage.local (every key)': JSON.stringify(await browser.storage.local.get(null)),
    });
    // The derived key: never on disk, never synced, never logged.
    const keyCanaries = await derivedKeyCanaries();
    expectClean(
      {
        'storage.local (every key)': JSON.stringify(await browser.storage.local.get(null)),
        'storage.sync': JSON.stringify(await browser.storage.sync.get(null)),
        'console.*': JSON.stringify(consoleCalls.map((args) => args.map(String))),
        notifications: JSON.stringify(notify.mock.calls),
        requests: JSON.stringify(requests),
      },
      keyCanaries,
    );
  });

  it('the shortcut, like the menu: the token only in the signed link, nothing else anywhere, locked or not', async () => {
    await saveProfiles([temporary]);
    const copied = await shortcut('http://127.0.0.1:7480/bucket/a.txt');
    expect(copied.title).toMatch(/^Link copied/);
    const [[message]] = sendRuntime.mock.calls as unknown as [[{ payload: { text: string } }]];
    expect(message.payload.text).toContain(`X-Amz-Security-Token=${TOKEN}`);
    expect((await shortcut('https://tab.example/not-s3')).title).not.toMatch(/^Link copied/);
    await setPassphrase(PASS);
    const keyCanaries = await derivedKeyCanaries();
    await shortcut('http://127.0.0.1:7480/bucket/a.txt');
    await lock();
    expect((await shortcut('http://127.0.0.1:7480/bucket/a.txt')).title).toBe(
      'Unlock S3 Presign to copy links',
    );
    const seen = await surfaces({ 'storage.local (every key)': await browser.storage.local.get(null) });
    expectClean(seen);
    expectClean(
      {
        'storage.local (every key)': seen['storage.local (every key)'] ?? '',
        'storage.sync': seen['storage.sync'] ?? '',
        'console.*': seen['console.*'] ?? '',
        notifications: seen.notifications ?? '',
      },
      keyCanaries,
    );
  });

  it("the UI's error texts (saveFailure, vaultErrorText) never carry a canary, whatever was thrown", async () => {
    await saveProfiles([temporary]);
    await setPassphrase(PASS);
    const failures: unknown[] = [
      // A browser error that happens to quote what it was given (the key, the passphrase).
      new Error(`QUOTA_BYTES exceeded writing ${SECRET} ${TOKEN} ${PASS}`),
      Object.assign(new TypeError(`bad value ${SECRET}`), { cause: PASS }),
      `${SECRET}`,
      await error(() => unlock(`${PASS}-wrong`)),
      await error(() => changePassphrase(`${PASS}-wrong`, `${PASS}-next`)),
      await error(() => removePassphrase(`${PASS}-wrong`)),
      await error(() => setPassphrase(PASS)),
    ];
    await lock();
    failures.push(await error(() => saveProfiles([{ ...temporary, name: 'renamed' }])));
    await browser.storage.local.set({ vault: { format: 1, kdf: null } });
    failures.push(await error(() => unlock(PASS)));
    failures.push(await error(() => saveProfiles([temporary])));
    expect(failures.filter((failure) => failure === undefined)).toEqual([]);
    const texts = failures.flatMap((failure) => [saveFailure(failure, 1), vaultErrorText(failure, 'saving')]);
    expectClean({
      'UI error texts': JSON.stringify(texts),
      'thrown errors': JSON.stringify(failures.map(String).slice(3)),
    });
  });
});
