import { describe, expect, it } from 'vitest';
import { PresignError } from '@/utils/errors';
import { menuGesture, shortcutGesture, signGesture } from '@/utils/menu-gestures';
import { applyProvider, isProviderError } from '@/utils/providers';
import { cephProfile } from '../support/profiles';

const NOW = new Date('2026-11-22T10:00:00Z');
const ceph = cephProfile;
const picked = { profileId: 'ceph', bucket: 'photos', key: 'last/picked.jpg' };

function thrown(run: () => unknown): PresignError {
  try {
    run();
  } catch (error) {
    if (error instanceof PresignError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('menuGesture', () => {
  it('signs the link’s target for link items and the page for page items, with the item’s expiry', () => {
    const info = { linkUrl: 's3://b/link.txt', pageUrl: 'http://127.0.0.1:7480/b/page.txt' };
    expect(menuGesture({ source: 'link', method: 'GET', expiresIn: 900 }, info)).toEqual({
      target: { url: 's3://b/link.txt' },
      method: 'GET',
      expiresIn: 900,
    });
    expect(menuGesture({ source: 'page', method: 'PUT' }, info)).toEqual({
      target: { url: 'http://127.0.0.1:7480/b/page.txt' },
      method: 'PUT',
    });
    expect(menuGesture({ source: 'page', method: 'GET' }, {}, 'https://tab/').target).toEqual({
      url: 'https://tab/',
    });
  });

  describe('page items clicked on what the page shows', () => {
    const page = { source: 'page', method: 'GET' } as const;
    const object = 'http://127.0.0.1:7480/b/photo.jpg';
    const framed = 'http://127.0.0.1:7480/b/doc.pdf';

    it('signs the tab’s object when the click is on the image, video or audio it shows', () => {
      // Chrome's info for a right-click on an image opened in a tab: the page is the image's own URL.
      const info = { pageUrl: object, srcUrl: object, mediaType: 'image' };
      expect(menuGesture(page, info, object, [ceph]).target).toEqual({ url: object });
    });

    it('signs the frame’s S3 object, which is the document the browser matched, over the page', () => {
      const info = { pageUrl: 'https://wiki.example.com/report', frameUrl: framed };
      expect(menuGesture(page, info, 'https://wiki.example.com/report', [ceph]).target).toEqual({
        url: framed,
      });
    });

    it('signs the page when the frame holds no S3 object (a PDF viewer, an embed)', () => {
      const info = {
        pageUrl: framed,
        frameUrl: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      };
      expect(menuGesture(page, info, framed, [ceph]).target).toEqual({ url: framed });
      expect(menuGesture(page, { frameUrl: 'https://ads.example.com/x' }, framed, [ceph]).target).toEqual({
        url: framed,
      });
    });

    it('names the page, not a frame, when neither is S3 (the error then speaks of the page)', () => {
      const info = { pageUrl: 'https://news.example.com/', frameUrl: 'https://ads.example.com/x' };
      expect(menuGesture(page, info, undefined, [ceph]).target).toEqual({ url: 'https://news.example.com/' });
    });
  });

  it.each([
    ['link', 'There is no link here to sign: right-click a link to an S3 object.'],
    ['page', 'The browser did not say which page this is: reload the tab and try again.'],
  ] as const)('explains a %s click with no URL', (source, message) => {
    const error = thrown(() => menuGesture({ source, method: 'GET' }, {}));
    expect([error.code, error.message]).toEqual(['not-a-url', message]);
  });
});

describe('shortcutGesture', () => {
  it('signs the S3 object in the tab, even when an object was picked', () => {
    expect(shortcutGesture('http://127.0.0.1:7480/b/tab.txt', [ceph], picked)).toEqual({
      target: { url: 'http://127.0.0.1:7480/b/tab.txt' },
      method: 'GET',
    });
    const console = 'https://eu-west-3.console.aws.amazon.com/s3/object/bkt?region=eu-west-3&prefix=k.txt';
    expect(shortcutGesture(console, [ceph], null).target).toEqual({ url: console });
  });

  it.each([
    ['a page that is not S3', 'https://news.example.com/'],
    ['a browser page', 'chrome://newtab/'],
    ['an S3 folder in the console', 'https://s3.console.aws.amazon.com/s3/buckets/b?prefix=dir/'],
    ['no readable address', undefined],
  ])('falls back to the last picked object on %s', (_name, tabUrl) => {
    expect(shortcutGesture(tabUrl, [ceph], picked)).toEqual({ target: { pick: picked }, method: 'GET' });
  });

  it('reports an S3 link that cannot be signed rather than signing something else', () => {
    const error = thrown(() =>
      shortcutGesture('https://b.s3-website-eu-west-1.amazonaws.com/k', [ceph], picked),
    );
    expect(error.code).toBe('website-endpoint');
  });

  it.each([
    [
      'a page that is not S3',
      'https://news.example.com/',
      'not-s3',
      "This tab shows no S3 object. Open an object's URL or its S3 console page, or pick an object in S3 Presign's popup, then press the shortcut again.",
    ],
    [
      'an S3 folder page',
      'https://s3.console.aws.amazon.com/s3/buckets/b?prefix=dir/',
      'no-key',
      "This S3 console page shows a folder, not an object: open an object and copy that page's URL. Or pick an object in S3 Presign's popup: the shortcut then copies its link from any tab.",
    ],
    [
      'a tab it cannot read',
      undefined,
      'host-permission',
      "S3 Presign could not read the current tab's address. Bring the tab with the S3 object to the front and press the shortcut again, or right-click the page and choose Copy pre-signed link to this page.",
    ],
  ])('with nothing picked, explains %s', (_name, tabUrl, code, message) => {
    const error = thrown(() => shortcutGesture(tabUrl, [ceph], null));
    expect([error.code, error.message]).toEqual([code, message]);
  });
});

describe('signGesture', () => {
  const state = { profiles: [ceph] };

  it('fills in the default expiry and signs a URL', async () => {
    const link = await signGesture(
      { target: { url: 'http://127.0.0.1:7480/b/k' }, method: 'GET' },
      state,
      86_400,
      NOW,
    );
    expect(new URL(link.url).searchParams.get('X-Amz-Expires')).toBe('86400');
  });

  it('signs a Spaces link with the bucket in the host, for the same bucket and key, as its profile addresses', async () => {
    const settings = applyProvider('spaces', { region: 'fra1' });
    if (isProviderError(settings)) throw new Error(settings.error);
    const spaces = { ...ceph, id: 'spaces', name: 'spaces', ...settings };
    const url = 'https://my-bucket.fra1.digitaloceanspaces.com/a/b%20c.txt';
    const link = await signGesture(
      { target: { url }, method: 'GET' },
      { profiles: [ceph, spaces] },
      900,
      NOW,
    );
    const signed = new URL(link.url);
    expect(`${signed.origin}${signed.pathname}`).toBe(
      'https://fra1.digitaloceanspaces.com/my-bucket/a/b%20c.txt',
    );
    expect(signed.searchParams.get('X-Amz-Credential')).toMatch(/\/20261122\/fra1\/s3\/aws4_request$/);
    expect(link).toMatchObject({ bucket: 'my-bucket', key: 'a/b c.txt', profileId: 'spaces' });
  });

  it('keeps the gesture’s own expiry and signs a picked object with its profile', async () => {
    const link = await signGesture(
      { target: { pick: picked }, method: 'PUT', expiresIn: 900 },
      state,
      86_400,
      NOW,
    );
    expect(link.url.startsWith('http://127.0.0.1:7480/photos/last/picked.jpg?')).toBe(true);
    expect(link).toMatchObject({ method: 'PUT', expiresIn: 900, profileId: 'ceph' });
  });
});
