import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeKey } from '@/utils/key-encoding';
import { menuItems } from '@/utils/menu';
import type { Profile } from '@/utils/profile';
import {
  dispatchCommand,
  dispatchMenuClick,
  EXTENSION_DIR,
  type LoadedExtension,
  lastNotification,
  loadExtension,
  recordNotifications,
  type ShownNotification,
  waitFor,
} from '../support/chromium';
import { errorCode, rawRequest } from '../support/raw-http';
import { s3Client, seedBucket } from '../support/s3-client';

// The right-click menu and the shortcut of the built extension in real Chromium, against radosgw (which checks
// every signature). Clicks and commands are dispatched inside the service worker (headless Chromium cannot
// open a context menu or take a key press), so the browser's own choice of where items show is not exercised:
// the patterns are checked by Chromium accepting them, their content by unit tests.
//
// What each kind of check proves:
// - custom endpoint (radosgw): the copied link itself is fetched, and must return the exact bytes.
// - AWS forms (virtual-hosted, path-style, s3://, console, presigned AWS link): the link names an AWS host
//   radosgw cannot be reached at. Its structure is checked, then the SAME request (path, query and Host
//   header unchanged) is sent to radosgw, which recomputes the SigV4 signature over that canonical request.
//   For radosgw to find an object there, the AWS URLs' keys start with the bucket name (".../B/aws/x.txt"
//   signed for host B.s3.amazonaws.com is path-style "/B/aws/x.txt" to radosgw). A 200 with the right bytes
//   proves the signature is right for that host, path and query; it cannot prove AWS would route it.

const s3 = inject('s3');
const bucket = `menu-e2e-${Date.now().toString(36)}`;
const BINARY = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const OBJECTS: Record<string, Buffer> = {
  'plain/bytes.bin': BINARY,
  'dir with space/ü 😀+.txt': Buffer.from('awkward key contents'),
  'aws/virtual.txt': Buffer.from('virtual-hosted'),
  'aws/path.txt': Buffer.from('path-style'),
  'aws/s3uri.txt': Buffer.from('s3 uri'),
  'aws/console.txt': Buffer.from('console page'),
  'aws/tab.txt': Buffer.from('aws url in a tab'),
  'picked/last.txt': Buffer.from('picked in the popup'),
};
const profiles: Profile[] = [
  {
    id: 'ceph',
    name: 'local ceph',
    ...s3.owner,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
  },
  // The same radosgw user, as an AWS profile: AWS-host links are signed with keys radosgw knows.
  { id: 'aws', name: 'aws', ...s3.owner, region: s3.region, forcePathStyle: false },
  // A custom endpoint signed virtual-hosted (bucket in the host). Never reached: its links are checked by form.
  {
    id: 'minio',
    name: 'minio',
    accessKeyId: 'AKIDMINIOEXAMPLE',
    secretAccessKey: 'minio-secret-example',
    region: 'us-east-1',
    endpoint: 'https://minio.example.com',
    forcePathStyle: false,
  },
  // DigitalOcean Spaces as its preset saves it (path-style); its console copies bucket-in-host links. Never
  // reached, fake keys: its links are checked by form.
  {
    id: 'spaces',
    name: 'spaces',
    accessKeyId: 'DO00SPACESEXAMPLE',
    secretAccessKey: 'spaces-secret-example',
    region: 'fra1',
    endpoint: 'https://fra1.digitaloceanspaces.com',
    forcePathStyle: true,
  },
];

let extension: LoadedExtension;

const cephUrl = (key: string): string => `${s3.endpoint}/${bucket}/${encodeKey(key)}`;
/** An AWS URL whose key is "BUCKET/key", so that radosgw reads the signed path as path-style (see above). */
const awsKey = (key: string): string => `${bucket}/${encodeKey(key)}`;

/** Sends the signed request, unchanged (Host header included), to radosgw, and returns the body. */
async function fetchRetargeted(link: string): Promise<Buffer> {
  const [, host, pathAndQuery] = /^https:\/\/([^/]+)(\/.*)$/.exec(link) ?? [];
  expect(host, link).toMatch(/\.amazonaws\.com$/);
  const response = await rawRequest(`${s3.endpoint}${pathAndQuery}`, { headers: { host: host as string } });
  expect(response.status, `${errorCode(response)} for ${link}`).toBe(200);
  return response.body;
}

async function fetchDirect(link: string): Promise<Buffer> {
  expect(link.startsWith(`${s3.endpoint}/${bucket}/`), link).toBe(true);
  const response = await rawRequest(link);
  expect(response.status, `${errorCode(response)} for ${link}`).toBe(200);
  return response.body;
}

/** Clears the clipboard, runs a gesture, and returns the link it copied. */
async function copiedBy(gesture: () => Promise<unknown>): Promise<string> {
  await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  const recording = await forgetNotices();
  await gesture();
  const link = await waitFor(extension.readClipboard, (text) => text.startsWith('http'), 20_000);
  // The notification follows the clipboard write: wait for it, so assertions read this gesture's notice.
  if (recording) await waitFor(lastNotice, (notice) => notice !== undefined);
  return link;
}

/** Empties the record of notifications (a restarted worker has none), so the next one read is the next gesture's. */
function forgetNotices(): Promise<boolean> {
  return extension.worker.evaluate(() => {
    const seen = (globalThis as { shownNotifications?: unknown[] }).shownNotifications;
    seen?.splice(0);
    return seen !== undefined;
  });
}

const clickMenu = (id: string, info: { linkUrl?: string; pageUrl?: string }): Promise<void> =>
  dispatchMenuClick(extension.worker, id, info);
const pressShortcut = (): Promise<void> => dispatchCommand(extension.worker, 'copy-presigned-link');
const lastNotice = (): Promise<ShownNotification | undefined> => lastNotification(extension.worker);

/**
 * Reloads Chrome's offscreen document (the clipboard writer) and returns what it threw while starting, and the
 * type of chrome.storage there. Playwright does not list offscreen documents: this attaches to it through CDP.
 * `whileRunning` runs after the reload, before the errors are read (a copy through the document: once it is
 * answered, the document's modules have run).
 */
async function offscreenStart(
  whileRunning: () => Promise<unknown>,
): Promise<{ errors: string[]; storage: string }> {
  const page = await extension.context.newPage();
  try {
    await page.goto(`chrome-extension://${extension.id}/manifest.json`);
    const cdp = await extension.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (info) => info.url === `chrome-extension://${extension.id}/offscreen.html`,
    );
    expect(target, 'the offscreen document is open').toBeDefined();
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: (target as { targetId: string }).targetId,
      flatten: false,
    });
    const errors: string[] = [];
    const answers = new Map<number, (result: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        method?: string;
        result?: unknown;
        params?: { exceptionDetails?: { text: string; exception?: { description?: string } } };
      };
      if (message.id !== undefined) answers.get(message.id)?.(message.result);
      const details = message.params?.exceptionDetails;
      if (message.method === 'Runtime.exceptionThrown' && details) {
        errors.push(`${details.text} ${details.exception?.description ?? ''}`);
      }
    });
    let next = 0;
    const send = (method: string, params: object = {}): Promise<unknown> =>
      new Promise((done) => {
        next += 1;
        answers.set(next, done);
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: next, method, params }),
        });
      });
    await send('Runtime.enable');
    errors.splice(0); // what an earlier start threw: this reload's own errors are the ones read
    await send('Page.reload');
    await whileRunning();
    const evaluated = (await send('Runtime.evaluate', {
      expression: 'typeof chrome.storage',
      returnByValue: true,
    })) as { result: { value: string } };
    await cdp.detach();
    return { errors, storage: evaluated.result.value };
  } finally {
    await page.close();
  }
}

/** Opens a tab at `url` (answered by a stub when it is an AWS host: there is no network) and brings it to front. */
async function openTab(url: string): Promise<() => Promise<void>> {
  const tab = await extension.context.newPage();
  await tab.route(/amazonaws\.com|amazon\.com/, (route) => route.fulfill({ body: 'stub of an S3 page' }));
  await tab.goto(url).catch(() => undefined);
  await tab.bringToFront();
  return () => tab.close();
}

/**
 * Opens a tab that really shows `url` (no network here: the browser context answers its host with a page) and
 * brings it to the front. Returns a function that closes it.
 */
async function openStubbedTab(url: string): Promise<{ tab: Page; close: () => Promise<void> }> {
  const host = new URL(url).host;
  const matcher = (target: URL): boolean => target.host === host;
  await extension.context.route(matcher, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>x</title>' }),
  );
  const tab = await extension.context.newPage();
  await tab.goto(url);
  await tab.bringToFront();
  return {
    tab,
    close: async () => {
      await tab.close();
      await extension.context.unroute(matcher);
    },
  };
}

/**
 * Presses the shortcut as Chrome does on a real key press, for a tab outside host_permissions (console pages,
 * custom hosts): Chrome first grants activeTab, then hands onCommand the active tab, address included. A
 * dispatched command grants nothing, so the tab is read from the browser (the extension's tabs.query) and
 * given the address the grant reveals, the one the tab shows. Hosts in host_permissions need none of this:
 * there pressShortcut() lets the extension find the active tab and read its address itself.
 */
async function pressShortcutWithActiveTab(tab: Page): Promise<void> {
  await extension.worker.evaluate(async (url) => {
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!active) throw new Error('no active tab');
    // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
    chrome.commands.onCommand.dispatch('copy-presigned-link', { ...active, url });
  }, tab.url());
}

beforeAll(async () => {
  await seedBucket(s3Client(s3, s3.owner), bucket, OBJECTS);
  extension = await loadExtension();
  await extension.worker.evaluate((list) => chrome.storage.local.set({ profiles: list }), profiles);
  await recordNotifications(extension.worker);
});

afterAll(async () => {
  await extension?.close();
});

describe('the menu and the shortcut in Chromium', () => {
  it('builds every item, and Chromium accepts the patterns that restrict them', async () => {
    const specs = menuItems(profiles, 3600);
    expect(specs[0]?.targetUrlPatterns).toContain('http://127.0.0.1/*');
    // A Spaces preset profile signs path-style, yet its console's bucket-in-host links get the items.
    expect(specs[0]?.targetUrlPatterns).toContain('https://*.fra1.digitaloceanspaces.com/*');
    expect(specs.at(-1)?.contexts).toEqual(['page', 'image', 'video', 'audio', 'frame']);
    // Built at install, rebuilt when the profiles were stored: wait until every item answers.
    const missing = (): Promise<string[]> =>
      extension.worker.evaluate(
        async (ids) => {
          const absent: string[] = [];
          for (const id of ids) await chrome.contextMenus.update(id, {}).catch(() => absent.push(id));
          return absent;
        },
        specs.map((item) => item.id),
      );
    await waitFor(missing, (absent) => absent.length === 0);
    // The same patterns on a probe item: a pattern Chromium refused would leave lastError set.
    const refused = await extension.worker.evaluate(
      ([target, document]) =>
        new Promise<string | undefined>((done) => {
          const probe = { id: 'probe', title: 'probe', contexts: ['link'] as ['link'] };
          chrome.contextMenus.create(
            { ...probe, targetUrlPatterns: target, documentUrlPatterns: document },
            () => {
              const error = chrome.runtime.lastError?.message;
              void chrome.contextMenus.remove('probe').catch(() => undefined);
              done(error);
            },
          );
        }),
      [specs[0]?.targetUrlPatterns, specs.at(-1)?.documentUrlPatterns] as const,
    );
    expect(refused).toBeUndefined();
  });

  it('binds both shortcuts: Alt+Shift+L copies, Alt+Shift+S opens the popup', async () => {
    const commands = await extension.worker.evaluate(() => chrome.commands.getAll());
    const bound = Object.fromEntries(commands.map((command) => [command.name, command.shortcut]));
    expect(bound).toEqual({ 'copy-presigned-link': 'Alt+Shift+L', _execute_action: 'Alt+Shift+S' });
  });

  it('declares Chrome 116 as its minimum (chrome.runtime.getContexts, which finds the offscreen document)', () => {
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('the offscreen document starts without errors: it touches no storage, which it cannot reach', async () => {
    // A first copy opens the document.
    await copiedBy(() => clickMenu('copy-presigned-link', { linkUrl: cephUrl('plain/bytes.bin') }));
    const started = await offscreenStart(async () => {
      const link = await copiedBy(() =>
        clickMenu('copy-presigned-link', { linkUrl: cephUrl('plain/bytes.bin') }),
      );
      expect((await fetchDirect(link)).equals(BINARY)).toBe(true);
    });
    expect(started.storage).toBe('undefined');
    expect(started.errors).toEqual([]);
  });

  it.each(['plain/bytes.bin', 'dir with space/ü 😀+.txt'])(
    'copies a working link for %s on the custom endpoint',
    async (key) => {
      const link = await copiedBy(() => clickMenu('copy-presigned-link', { linkUrl: cephUrl(key) }));
      expect((await fetchDirect(link)).equals(OBJECTS[key] as Buffer)).toBe(true);
      expect(await lastNotice()).toMatchObject({
        title: expect.stringMatching(/^Link copied — expires .+ \(in 1 hour\)$/),
        message: expect.stringContaining('signed with profile “local ceph”'),
      });
    },
  );

  it.each([
    [
      'virtual-hosted',
      'aws/virtual.txt',
      (k: string) => `https://${bucket}.s3.us-east-1.amazonaws.com/${awsKey(k)}`,
    ],
    [
      'path-style',
      'aws/path.txt',
      (k: string) => `https://s3.us-east-1.amazonaws.com/${bucket}/${awsKey(k)}`,
    ],
    ['s3://', 'aws/s3uri.txt', (k: string) => `s3://${bucket}/${bucket}/${k}`],
  ])('signs a %s AWS link for its AWS host; radosgw verifies the signature', async (_form, key, url) => {
    const link = await copiedBy(() => clickMenu('copy-presigned-link:900', { linkUrl: url(key) }));
    const parsed = new URL(link);
    expect(parsed.host).toBe(`${bucket}.s3.amazonaws.com`);
    expect(parsed.pathname).toBe(`/${bucket}/${encodeKey(key)}`);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(parsed.searchParams.get('X-Amz-Credential')).toMatch(/\/us-east-1\/s3\/aws4_request$/);
    expect((await fetchRetargeted(link)).equals(OBJECTS[key] as Buffer)).toBe(true);
    // The Host header is part of what radosgw checks: the same request for another host is refused.
    const otherHost = await rawRequest(`${s3.endpoint}${parsed.pathname}${parsed.search}`, {
      headers: { host: 'other-bucket.s3.amazonaws.com' },
    });
    expect(errorCode(otherHost)).toBe('SignatureDoesNotMatch');
  });

  it('the page item signs the S3 console object page the tab shows', async () => {
    const prefix = encodeURIComponent(`${bucket}/aws/console.txt`);
    const pageUrl = `https://us-east-1.console.aws.amazon.com/s3/object/${bucket}?region=us-east-1&prefix=${prefix}`;
    const link = await copiedBy(() => clickMenu('copy-page-link', { pageUrl }));
    expect((await fetchRetargeted(link)).toString()).toBe('console page');
  });

  it('a console page without ?region= is signed for the region learnt for the bucket, not the console’s', async () => {
    await extension.worker.evaluate((regions) => chrome.storage.local.set({ bucketRegions: regions }), {
      [`aws|${bucket}`]: 'us-east-1',
    });
    const prefix = encodeURIComponent(`${bucket}/aws/console.txt`);
    const pageUrl = `https://eu-central-1.console.aws.amazon.com/s3/object/${bucket}?prefix=${prefix}`;
    const link = await copiedBy(() => clickMenu('copy-page-link', { pageUrl }));
    await extension.worker.evaluate(() => chrome.storage.local.remove('bucketRegions'));
    expect(new URL(link).searchParams.get('X-Amz-Credential')).toMatch(/\/us-east-1\/s3\/aws4_request$/);
    expect((await fetchRetargeted(link)).toString()).toBe('console page');
  });

  it('signs a China link with no China profile: it refuses, never with the global profile’s keys', async () => {
    const recording = await forgetNotices();
    expect(recording).toBe(true);
    await clickMenu('copy-presigned-link', {
      linkUrl: `https://${bucket}.s3.cn-north-1.amazonaws.com.cn/aws/virtual.txt`,
    });
    const notice = await waitFor(lastNotice, (shown) => shown !== undefined);
    expect(notice?.title).toBe('No profile for this bucket');
    expect(notice?.message).toMatch(/^No profile signs for AWS S3 in China \(bucket “menu-e2e-/);
  });

  it('re-signs a link of a custom endpoint signed virtual-hosted (bucket in the host)', async () => {
    const first = await copiedBy(() =>
      clickMenu('copy-presigned-link', { linkUrl: 'https://minio.example.com/photos/a.jpg' }),
    );
    expect(first.startsWith('https://photos.minio.example.com/a.jpg?')).toBe(true);
    const again = await copiedBy(() => clickMenu('copy-presigned-link:900', { linkUrl: first }));
    expect(again.startsWith('https://photos.minio.example.com/a.jpg?')).toBe(true);
    expect(new URL(again).searchParams.get('X-Amz-Expires')).toBe('900');
    expect((await lastNotice())?.message).toMatch(/signed with profile “minio”/);
    // The menu shows on such links: Chromium took the bucket-host pattern (checked in the first test).
    expect(menuItems(profiles, 3600)[0]?.targetUrlPatterns).toContain('https://*.minio.example.com/*');
  });

  it('re-signs already-presigned links: an expired one with a bad signature, and an AWS one', async () => {
    const stale = `${cephUrl('plain/bytes.bin')}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${s3.owner.accessKeyId}%2F20200101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20200101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;
    expect((await rawRequest(stale)).status).toBe(403);
    const fresh = await copiedBy(() => clickMenu('copy-presigned-link', { linkUrl: stale }));
    expect(new URL(fresh).searchParams.getAll('X-Amz-Signature')).toHaveLength(1);
    expect((await fetchDirect(fresh)).equals(BINARY)).toBe(true);

    const aws = await copiedBy(() =>
      clickMenu('copy-presigned-link', { linkUrl: `s3://${bucket}/${bucket}/aws/virtual.txt` }),
    );
    const again = await copiedBy(() => clickMenu('copy-presigned-link:86400', { linkUrl: aws }));
    expect(new URL(again).searchParams.get('X-Amz-Expires')).toBe('86400');
    expect((await fetchRetargeted(again)).toString()).toBe('virtual-hosted');
  });

  it('the PUT item copies an upload link that uploads, and the object then downloads byte for byte', async () => {
    const target = cephUrl('uploads/new file.bin');
    const upload = await copiedBy(() => clickMenu('copy-upload-link', { linkUrl: target }));
    expect((await lastNotice())?.title).toMatch(/^Upload link copied — expires/);
    const put = await rawRequest(upload, { method: 'PUT', body: BINARY });
    expect(put.status, errorCode(put)).toBe(200);
    const download = await copiedBy(() => clickMenu('copy-presigned-link', { linkUrl: target }));
    expect((await fetchDirect(download)).equals(BINARY)).toBe(true);
    expect((await rawRequest(upload)).status).toBe(403); // a PUT link is not a GET link
  });

  it('the shortcut copies the object open in the tab: custom endpoint, then an AWS URL', async () => {
    let close = await openTab(cephUrl('dir with space/ü 😀+.txt'));
    const local = await copiedBy(pressShortcut);
    await close();
    expect((await fetchDirect(local)).toString()).toBe('awkward key contents');

    close = await openTab(`https://${bucket}.s3.us-east-1.amazonaws.com/${awsKey('aws/tab.txt')}`);
    const aws = await copiedBy(pressShortcut);
    await close();
    expect((await fetchRetargeted(aws)).toString()).toBe('aws url in a tab');
  });

  const stale = (region: string): string =>
    `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20200101%2F${region}%2Fs3%2Faws4_request&X-Amz-Date=20200101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=${'0'.repeat(64)}`;

  it.each([
    {
      shows: 'an S3 console object page',
      url: () =>
        `https://eu-west-3.console.aws.amazon.com/s3/object/${bucket}?region=eu-west-3&prefix=${encodeURIComponent('aws/console.txt')}`,
      readable: false,
      host: () => `${bucket}.s3.eu-west-3.amazonaws.com`,
      path: () => '/aws/console.txt',
      scope: 'eu-west-3',
      profile: 'aws',
    },
    {
      shows: 'a path-style AWS URL',
      url: () => `https://s3.us-east-1.amazonaws.com/${bucket}/${awsKey('aws/tab.txt')}`,
      readable: true,
      host: () => `${bucket}.s3.amazonaws.com`,
      path: () => `/${bucket}/aws/tab.txt`,
      scope: 'us-east-1',
      profile: 'aws',
      // us-east-1, the region radosgw takes: the signature is checked there too (see the top of the file).
      body: 'aws url in a tab',
    },
    {
      shows: 'an already-presigned (expired) AWS link, its region only in the signature',
      url: () => `https://${bucket}.s3.amazonaws.com/${awsKey('aws/tab.txt')}?${stale('eu-west-3')}`,
      readable: true,
      host: () => `${bucket}.s3.eu-west-3.amazonaws.com`,
      path: () => `/${bucket}/aws/tab.txt`,
      scope: 'eu-west-3',
      profile: 'aws',
    },
    {
      shows: 'a custom endpoint’s object, bucket in the host',
      url: () => 'https://photos.minio.example.com/dir/a%20b.jpg',
      readable: false,
      host: () => 'photos.minio.example.com',
      path: () => '/dir/a%20b.jpg',
      scope: 'us-east-1',
      profile: 'minio',
    },
    {
      shows: 'a DigitalOcean Spaces object, bucket in the host, as its console copies it',
      url: () => 'https://my-bucket.fra1.digitaloceanspaces.com/a/b.txt',
      readable: false,
      host: () => 'fra1.digitaloceanspaces.com',
      path: () => '/my-bucket/a/b.txt',
      scope: 'fra1',
      profile: 'spaces',
    },
  ])('the shortcut copies a link for the object of a tab showing $shows', async (example) => {
    const { tab, close } = await openStubbedTab(example.url());
    expect(tab.url()).toBe(example.url());
    const link = await copiedBy(() => (example.readable ? pressShortcut() : pressShortcutWithActiveTab(tab)));
    await close();
    const copied = new URL(link);
    expect(copied.protocol).toBe('https:');
    expect(copied.host).toBe(example.host());
    expect(copied.pathname).toBe(example.path());
    expect(copied.searchParams.get('X-Amz-Credential')).toMatch(
      new RegExp(`^[A-Z0-9]+/\\d{8}/${example.scope}/s3/aws4_request$`),
    );
    expect(copied.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(copied.searchParams.getAll('X-Amz-Signature')).toHaveLength(1);
    expect(copied.searchParams.get('X-Amz-Date')).not.toBe('20200101T000000Z');
    expect((await lastNotice())?.message).toContain(`signed with profile “${example.profile}”`);
    if (example.body) expect((await fetchRetargeted(link)).toString()).toBe(example.body);
  });

  it('the page item inside a frame showing an S3 object signs that object, not the page around it', async () => {
    const frameUrl = cephUrl('plain/bytes.bin');
    const link = await copiedBy(() =>
      extension.worker.evaluate((url) => {
        const info = {
          menuItemId: 'copy-page-link',
          editable: false,
          frameId: 3,
          frameUrl: url,
          pageUrl: 'https://wiki.example.com/report',
        };
        // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
        chrome.contextMenus.onClicked.dispatch(info, { id: 1, index: 0, url: info.pageUrl });
      }, frameUrl),
    );
    expect((await fetchDirect(link)).equals(BINARY)).toBe(true);
  });

  it('the shortcut on a tab with no S3 object explains, then copies the object last picked in the popup', async () => {
    await extension.clipboardPage.bringToFront();
    await extension.worker.evaluate(() => chrome.storage.local.remove('lastPicked'));
    await pressShortcut();
    await waitFor(lastNotice, (notice) => notice?.title === 'Not a link to an S3 object');
    const pick = { profileId: 'ceph', bucket, key: 'picked/last.txt', pickedAt: new Date().toISOString() };
    await extension.worker.evaluate((lastPicked) => chrome.storage.local.set({ lastPicked }), pick);
    const link = await copiedBy(pressShortcut);
    expect((await fetchDirect(link)).toString()).toBe('picked in the popup');
    expect((await lastNotice())?.message).toMatch(/the object you last picked in the popup/);
  });

  it('when several profiles could sign, uses the one that last worked for the bucket and says so', async () => {
    const setProfiles = (list: Profile[]): Promise<void> =>
      extension.worker.evaluate((value) => chrome.storage.local.set({ profiles: value }), list);
    await setProfiles(profiles);
    await copiedBy(() => clickMenu('copy-presigned-link', { linkUrl: cephUrl('plain/bytes.bin') }));
    const remembered = await extension.worker.evaluate(() => chrome.storage.local.get('bucketProfiles'));
    expect(remembered.bucketProfiles).toMatchObject({ [`${s3.endpoint}|${bucket}`]: 'ceph' });
    // A second profile for the same endpoint, first in the list, whose keys cannot read the bucket.
    const stranger = { ...profiles[0], id: 'stranger', name: 'stranger', ...s3.stranger } as Profile;
    await setProfiles([stranger, ...profiles]);
    const link = await copiedBy(() =>
      clickMenu('copy-presigned-link', { linkUrl: cephUrl('plain/bytes.bin') }),
    );
    expect((await fetchDirect(link)).equals(BINARY)).toBe(true);
    expect((await lastNotice())?.message).toMatch(
      /signed with profile “local ceph”, the one last used for bucket .+; 1 other profile could sign/,
    );
  });

  it('shows the link in a tab, ready to copy, when the clipboard cannot be written', async () => {
    await extension.worker.evaluate(async () => {
      await chrome.offscreen.closeDocument().catch(() => undefined);
      chrome.offscreen.createDocument = () => Promise.reject(new Error('refused for the test'));
    });
    const opened = extension.context.waitForEvent('page');
    await clickMenu('copy-presigned-link', { linkUrl: cephUrl('plain/bytes.bin') });
    const tab = await opened;
    await tab.waitForURL(/\/link\.html#[0-9a-f-]{36}$/);
    const link = await tab.getByRole('textbox', { name: 'Signed link' }).inputValue();
    await tab.close();
    expect((await fetchDirect(link)).equals(BINARY)).toBe(true);
    expect((await lastNotice())?.title).toBe('Copy the link from the new tab');
  });

  it('two refusals at once: each tab shows its own link, once; nothing stays in session storage', async () => {
    // The clipboard still refuses (the test above broke offscreen documents until the worker restarts).
    const tabs: Page[] = [];
    const collect = (page: Page): void => {
      tabs.push(page);
    };
    extension.context.on('page', collect);
    const keys = ['plain/bytes.bin', 'dir with space/ü 😀+.txt'];
    await Promise.all(keys.map((key) => clickMenu('copy-presigned-link', { linkUrl: cephUrl(key) })));
    await waitFor(
      async () => tabs.length,
      (count) => count >= 2,
    );
    extension.context.off('page', collect);
    const shown: string[] = [];
    for (const tab of tabs) {
      await tab.waitForURL(/\/link\.html#[0-9a-f-]{36}$/);
      shown.push(await tab.getByRole('textbox', { name: 'Signed link' }).inputValue());
    }
    const bodies = await Promise.all(shown.map((link) => fetchDirect(link)));
    expect(bodies.map((body) => body.toString('hex')).sort()).toEqual(
      keys.map((key) => (OBJECTS[key] as Buffer).toString('hex')).sort(),
    );
    // Shown once: a reload finds nothing, and no live link waits in session storage.
    const [first] = tabs as [Page];
    await first.reload();
    await expect.poll(() => first.getByText('No link is waiting here').count()).toBe(1);
    expect(await first.getByRole('textbox', { name: 'Signed link' }).count()).toBe(0);
    const session = await extension.worker.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(session)).not.toContain('X-Amz-Signature');
    for (const tab of tabs) await tab.close();
  });

  it('completes copies in a fresh service worker that has only storage to go on', async () => {
    await extension.restartWorker();
    const started = Date.now();
    const link = await copiedBy(() =>
      clickMenu('copy-presigned-link', { linkUrl: `s3://${bucket}/${bucket}/aws/s3uri.txt` }),
    );
    console.log(`copy after a worker restart: ${Date.now() - started} ms`);
    expect((await fetchRetargeted(link)).toString()).toBe('s3 uri');

    await extension.restartWorker();
    const picked = await copiedBy(pressShortcut);
    expect((await fetchDirect(picked)).toString()).toBe('picked in the popup');
  });
});
