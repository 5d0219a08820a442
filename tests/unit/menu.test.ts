import { describe, expect, it } from 'vitest';
import { expiryChoices, menuAction, menuItemId, menuItems } from '@/utils/menu';
import {
  CONSOLE_OBJECT_PATTERNS,
  endpointPattern,
  objectPagePatterns,
  objectUrlPatterns,
  S3_HOST_PATTERNS,
} from '@/utils/menu-patterns';
import type { Profile } from '@/utils/profile';
import { applyProvider, isProviderError } from '@/utils/providers';
import { awsProfile } from '../support/profiles';

const aws = awsProfile;
const minio: Profile = {
  ...aws,
  id: 'minio',
  endpoint: 'https://minio.example.com:9000/s3/',
  forcePathStyle: true,
};
const ceph: Profile = { ...aws, id: 'ceph', endpoint: 'http://127.0.0.1:7480', forcePathStyle: true };

describe('expiryChoices', () => {
  it('offers the presets and marks the default', () => {
    expect(expiryChoices(3600)).toEqual([
      { seconds: 900, title: '15 minutes' },
      { seconds: 3600, title: '1 hour (your default)' },
      { seconds: 86_400, title: '1 day' },
      { seconds: 604_800, title: '7 days' },
    ]);
  });

  it('adds a default that is not a preset, in order', () => {
    expect(expiryChoices(7200).map((choice) => choice.title)).toEqual([
      '15 minutes',
      '1 hour',
      '2 hours (your default)',
      '1 day',
      '7 days',
    ]);
  });
});

describe('menu patterns', () => {
  it.each([
    ['http://127.0.0.1:7480', 'http://127.0.0.1/*'],
    ['https://minio.example.com:9000/s3', 'https://minio.example.com/s3/*'],
    ['https://storage.example.com/my%20s3/v1', 'https://storage.example.com/my%20s3/v1/*'],
    ['http://[::1]:9000', 'http://[::1]/*'],
  ])('writes %s as %s (no port: Firefox cannot, Chrome then matches all)', (endpoint, pattern) => {
    expect(endpointPattern(endpoint)).toBe(pattern);
  });

  it('restricts links to S3 hosts plus each custom endpoint, once each', () => {
    expect(objectUrlPatterns([aws, ceph, { ...ceph, id: 'c2' }, minio])).toEqual([
      ...S3_HOST_PATTERNS,
      'http://127.0.0.1/*',
      'https://minio.example.com/s3/*',
    ]);
  });

  it('covers the bucket hosts of a profile without path-style (the links it signs: bucket.host/key)', () => {
    const virtual: Profile = {
      ...minio,
      id: 'vh',
      endpoint: 'https://minio.example.com',
      forcePathStyle: false,
    };
    const patterns = objectUrlPatterns([aws, virtual]) ?? [];
    expect(patterns).toContain('https://*.minio.example.com/*');
    // What the browser does with them: "*." covers the host and every subdomain, the path is a glob.
    const matches = (url: string) =>
      patterns.some((pattern) => {
        const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
        const target = new URL(url);
        const hostOk = host?.startsWith('*.')
          ? target.hostname === host.slice(2) || target.hostname.endsWith(host.slice(1))
          : target.hostname === host;
        const pathRe = new RegExp(
          `^${(path ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`,
        );
        return (scheme === '*' || `${scheme}:` === target.protocol) && hostOk && pathRe.test(target.pathname);
      });
    expect(matches('https://photos.minio.example.com/a.jpg')).toBe(true);
    expect(matches('https://minio.example.com/photos/a.jpg')).toBe(true);
    expect(matches('https://photos.example.com/a.jpg')).toBe(false);
  });

  it.each([
    ['spaces', { region: 'fra1' }, 'https://*.fra1.digitaloceanspaces.com/*'],
    ['wasabi', { region: 'us-east-2' }, 'https://*.s3.us-east-2.wasabisys.com/*'],
    ['b2', { region: 'eu-central-003' }, 'https://*.s3.eu-central-003.backblazeb2.com/*'],
  ] as const)(
    'covers the bucket hosts of a %s preset profile, though it signs path-style (its console copies those)',
    (id, inputs, pattern) => {
      const settings = applyProvider(id, inputs);
      if (isProviderError(settings)) throw new Error(settings.error);
      expect(settings.forcePathStyle).toBe(true);
      const patterns = objectUrlPatterns([aws, { ...minio, id, ...settings }]);
      expect(patterns).toContain(pattern);
      expect(objectPagePatterns([{ ...minio, id, ...settings }])).toContain(pattern);
    },
  );

  it('adds no bucket-host pattern for IP endpoints (no bucket label fits before an address)', () => {
    expect(endpointPattern('http://127.0.0.1:9000', true)).toBe('http://127.0.0.1/*');
    expect(endpointPattern('http://[::1]:9000', true)).toBe('http://[::1]/*');
    expect(endpointPattern('https://minio.example.com/s3', true)).toBe('https://*.minio.example.com/s3/*');
  });

  it('ignores an endpoint that does not parse (the parser ignores it too)', () => {
    expect(objectUrlPatterns([aws, { ...ceph, endpoint: 'ftp://nope' }])).toEqual([...S3_HOST_PATTERNS]);
  });

  it('adds S3 console object pages for the page item', () => {
    expect(objectPagePatterns([ceph])).toEqual([
      ...CONSOLE_OBJECT_PATTERNS,
      ...S3_HOST_PATTERNS,
      'http://127.0.0.1/*',
    ]);
  });
});

describe('menuItems', () => {
  const items = menuItems([aws, ceph], 3600);

  it('builds, on links and on pages, the GET submenu with every expiry and the PUT item', () => {
    expect(items.map(({ id, parentId, title, contexts }) => [contexts[0], id, parentId, title])).toEqual([
      ['link', 'copy-presigned-link', undefined, 'Copy pre-signed link'],
      ['link', 'copy-presigned-link:900', 'copy-presigned-link', '15 minutes'],
      ['link', 'copy-presigned-link:3600', 'copy-presigned-link', '1 hour (your default)'],
      ['link', 'copy-presigned-link:86400', 'copy-presigned-link', '1 day'],
      ['link', 'copy-presigned-link:604800', 'copy-presigned-link', '7 days'],
      ['link', 'copy-upload-link', undefined, 'Copy upload (PUT) link'],
      ['page', 'copy-page-link', undefined, 'Copy pre-signed link to this page'],
      ['page', 'copy-page-link:900', 'copy-page-link', '15 minutes'],
      ['page', 'copy-page-link:3600', 'copy-page-link', '1 hour (your default)'],
      ['page', 'copy-page-link:86400', 'copy-page-link', '1 day'],
      ['page', 'copy-page-link:604800', 'copy-page-link', '7 days'],
      ['page', 'copy-page-upload-link', undefined, 'Copy upload (PUT) link to this page'],
    ]);
  });

  it('shows link items only on S3 links and page items only on S3 pages', () => {
    for (const item of items) {
      if (item.contexts[0] === 'link') {
        expect(item.targetUrlPatterns).toEqual(objectUrlPatterns([aws, ceph]));
        expect(item.documentUrlPatterns).toBeUndefined();
      } else {
        expect(item.documentUrlPatterns).toEqual(objectPagePatterns([aws, ceph]));
        expect(item.targetUrlPatterns).toBeUndefined();
      }
    }
  });

  it('offers page items on the image, video, audio or frame a tab shows (an S3 object opened in it)', () => {
    for (const item of items) {
      expect(item.contexts).toEqual(
        item.contexts[0] === 'link' ? ['link'] : ['page', 'image', 'video', 'audio', 'frame'],
      );
    }
    expect(items.filter((item) => item.contexts.includes('image'))).toHaveLength(items.length / 2);
  });

  it('follows the profiles: a new endpoint is added to the patterns', () => {
    const before = menuItems([aws], 3600)[0]?.targetUrlPatterns;
    const after = menuItems([aws, minio], 3600)[0]?.targetUrlPatterns;
    expect(before).not.toContain('https://minio.example.com/s3/*');
    expect(after).toContain('https://minio.example.com/s3/*');
  });

  it('titles page items apart from link items (a linked image on an S3 page shows both)', () => {
    const parents = items.filter((item) => item.parentId === undefined);
    const linkTitles = parents.filter((item) => item.contexts[0] === 'link').map((item) => item.title);
    const pageTitles = parents.filter((item) => item.contexts[0] === 'page').map((item) => item.title);
    expect(linkTitles).toEqual(['Copy pre-signed link', 'Copy upload (PUT) link']);
    expect(pageTitles).toEqual(['Copy pre-signed link to this page', 'Copy upload (PUT) link to this page']);
    for (const title of pageTitles) expect(linkTitles).not.toContain(title);
  });

  it('when an endpoint cannot be a pattern, leaves link items unrestricted but never page items', () => {
    const odd = { ...ceph, endpoint: 'http://odd!host.example:9000' };
    expect(endpointPattern('http://odd!host.example:9000')).toBeUndefined();
    for (const item of menuItems([odd, minio], 3600)) {
      if (item.contexts[0] === 'link') {
        expect(item.targetUrlPatterns).toBeUndefined();
      } else {
        // Page items on images and frames too: unrestricted, they would show on every site.
        expect(item.documentUrlPatterns).toEqual([
          ...CONSOLE_OBJECT_PATTERNS,
          ...S3_HOST_PATTERNS,
          'https://minio.example.com/s3/*',
        ]);
      }
    }
  });

  it('keeps every id unique (the browser refuses duplicates)', () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});

describe('menuAction', () => {
  it.each([
    ['copy-presigned-link', { source: 'link', method: 'GET' }],
    ['copy-presigned-link:900', { source: 'link', method: 'GET', expiresIn: 900 }],
    ['copy-upload-link', { source: 'link', method: 'PUT' }],
    ['copy-page-link:604800', { source: 'page', method: 'GET', expiresIn: 604_800 }],
    ['copy-page-upload-link', { source: 'page', method: 'PUT' }],
  ])('reads %s', (id, action) => {
    expect(menuAction(id)).toEqual(action);
  });

  it.each([
    'other-extension-item',
    'copy-upload-link:900',
    'copy-presigned-link:abc',
    'copy-page-link:1:2',
    42,
  ])('ignores %s', (id) => {
    expect(menuAction(id)).toBeUndefined();
  });

  it('round-trips every id the menu is built with', () => {
    for (const item of menuItems([aws], 7200)) {
      const action = menuAction(item.id);
      expect(action).toBeDefined();
      expect(menuItemId(action?.source ?? 'link', action?.method ?? 'GET', action?.expiresIn)).toBe(item.id);
    }
  });
});
