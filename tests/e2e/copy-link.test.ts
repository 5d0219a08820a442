import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeKey } from '@/utils/key-encoding';
import { type LoadedExtension, loadExtension, waitFor } from '../support/chromium';
import { rawRequest } from '../support/raw-http';
import { s3Client, seedBucket } from '../support/s3-client';
import { PopupPage } from './pages/popup-page';

// The built extension in real Chromium: a profile typed into the popup, then the right-click menu and the
// shortcut put a link on the clipboard, and radosgw (which checks signatures) serves the object for it.

const s3 = inject('s3');
const bucket = `presign-e2e-${Date.now().toString(36)}`;
const OBJECTS: Record<string, string> = {
  'reports/2026 Q3 résumé+final.pdf': '%PDF-1.7 quarterly report',
  '日本語/写真 😀.txt': 'unicode contents',
  'shortcut/target.txt': 'opened in a tab',
};

let extension: LoadedExtension;

function objectUrl(key: string): string {
  return `${s3.endpoint}/${bucket}/${encodeKey(key)}`;
}

/** Clears the clipboard, runs a gesture, and returns the link it copied. */
async function copiedBy(gesture: () => Promise<unknown>): Promise<string> {
  await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await gesture();
  return waitFor(extension.readClipboard, (text) => text.startsWith('http'));
}

function clickMenu(linkUrl: string): Promise<unknown> {
  return extension.worker.evaluate((url) => {
    const info = {
      menuItemId: 'copy-presigned-link',
      linkUrl: url,
      editable: false,
      pageUrl: 'http://127.0.0.1/',
    };
    // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
    chrome.contextMenus.onClicked.dispatch(info, { id: 1, index: 0, url: 'http://127.0.0.1/' });
  }, linkUrl);
}

beforeAll(async () => {
  await seedBucket(s3Client(s3, s3.owner), bucket, OBJECTS);
  extension = await loadExtension();
  const popup = await PopupPage.open(extension.context, extension.id);
  await popup.addProfile({ name: 'local ceph', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
  await popup.page.close();
});

afterAll(async () => {
  await extension?.close();
});

describe('the built extension in Chromium', () => {
  it.each(Object.keys(OBJECTS))(
    'right-click "Copy pre-signed link" on %s copies a working link',
    async (key) => {
      const link = await copiedBy(() => clickMenu(objectUrl(key)));
      expect(link.startsWith(`${s3.endpoint}/${bucket}/`)).toBe(true);
      const response = await rawRequest(link);
      expect(response.status, response.body.toString()).toBe(200);
      expect(response.body.toString()).toBe(OBJECTS[key]);
    },
  );

  it('re-signs an already-signed link for the same object', async () => {
    const first = await copiedBy(() => clickMenu(objectUrl('shortcut/target.txt')));
    const again = await copiedBy(() => clickMenu(first));
    expect(again).not.toBe('nothing yet');
    expect((await rawRequest(again)).body.toString()).toBe('opened in a tab');
  });

  it('the keyboard shortcut copies a link for the object in the current tab', async () => {
    const tab = await extension.context.newPage();
    await tab.goto(objectUrl('shortcut/target.txt'));
    await tab.bringToFront();
    const link = await copiedBy(() =>
      extension.worker.evaluate(() => {
        // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
        chrome.commands.onCommand.dispatch('copy-presigned-link');
      }),
    );
    await tab.close();
    expect((await rawRequest(link)).body.toString()).toBe('opened in a tab');
  });

  it('completes the copy in a fresh service worker that has only storage to go on', async () => {
    // Something only the current worker's memory holds: the restarted worker must not have it.
    await extension.worker.evaluate(() => {
      (globalThis as { marker?: number }).marker = 42;
    });
    const fresh = await extension.restartWorker();
    expect(await fresh.evaluate(() => (globalThis as { marker?: number }).marker)).toBeUndefined();
    expect(await fresh.evaluate(() => chrome.contextMenus.onClicked.hasListeners())).toBe(true);
    const link = await copiedBy(() => clickMenu(objectUrl('reports/2026 Q3 résumé+final.pdf')));
    expect((await rawRequest(link)).body.toString()).toBe(OBJECTS['reports/2026 Q3 résumé+final.pdf']);
  });

  it('the popup signs a pasted link, and explains a link it cannot sign', async () => {
    const popup = await PopupPage.open(extension.context, extension.id);
    const link = await popup.sign(objectUrl('日本語/写真 😀.txt'), { expiry: '15 minutes' });
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('900');
    expect((await rawRequest(link)).body.toString()).toBe('unicode contents');
    expect(await popup.signExpectingError('https://example.com/not-s3.txt')).toMatch(/not .*S3/i);
    await popup.page.close();
  });
});
