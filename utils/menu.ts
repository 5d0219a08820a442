import { i18n } from '#i18n';
import { EXPIRY_PRESETS, formatDuration } from './expiry';
import { objectPagePatterns, objectUrlPatterns } from './menu-patterns';
import type { HttpMethod } from './presign';
import type { Profile } from './profile';

/** Where the item was clicked: on a link (sign its target) or on the page (sign the tab's URL). */
export type MenuSource = 'link' | 'page';

/** The browser's contexts the items are offered in; the first is the item's source. */
export type MenuContext = MenuSource | 'image' | 'video' | 'audio' | 'frame';

/**
 * Where page items show. An object opened in a tab is often an image, a video or audio (or a PDF, in a frame):
 * a right-click on it is in that context, not 'page', so without these the item would show on the margin only.
 * documentUrlPatterns, always set on page items, still limit them to S3 pages (for a frame, Chrome matches the
 * frame's document).
 */
export const PAGE_CONTEXTS = [
  'page',
  'image',
  'video',
  'audio',
  'frame',
] as const satisfies readonly MenuContext[];

/** One contextMenus.create() call, as plain data. */
export interface MenuItemSpec {
  id: string;
  title: string;
  contexts: [MenuSource, ...MenuContext[]];
  parentId?: string;
  targetUrlPatterns?: string[];
  documentUrlPatterns?: string[];
}

/** What a click on an item asks for; no expiry means the user's default. */
export interface MenuAction {
  source: MenuSource;
  method: HttpMethod;
  expiresIn?: number;
}

// The GET parent keeps the id the single item had before submenus, so a click on it (never sent by a browser
// for a parent, but by older code and tests) still means "default expiry".
const IDS: Record<MenuSource, Record<HttpMethod, string>> = {
  link: { GET: 'copy-presigned-link', PUT: 'copy-upload-link' },
  page: { GET: 'copy-page-link', PUT: 'copy-page-upload-link' },
};

/** The id of the item that copies a GET link with `expiresIn` seconds (the parent when absent). */
export function menuItemId(source: MenuSource, method: HttpMethod, expiresIn?: number): string {
  return expiresIn === undefined ? IDS[source][method] : `${IDS[source][method]}:${expiresIn}`;
}

/** The expiries offered: the presets, plus the user's default when it is none of them, shortest first. */
export function expiryChoices(defaultExpiresIn: number): { seconds: number; title: string }[] {
  const choices: { seconds: number; label: string }[] = EXPIRY_PRESETS.map((p) => ({ ...p }));
  if (!choices.some((choice) => choice.seconds === defaultExpiresIn)) {
    choices.push({ seconds: defaultExpiresIn, label: formatDuration(defaultExpiresIn) });
  }
  return choices
    .sort((a, b) => a.seconds - b.seconds)
    .map(({ seconds, label }) => ({
      seconds,
      title: seconds === defaultExpiresIn ? i18n.t('menu.yourDefault', { label }) : label,
    }));
}

// A linked image on an S3 page is in both the link and the image context: the titles tell the two apart.
// Read when the items are built (locales/en.yml), not at import.
function titles(): Record<MenuSource, Record<HttpMethod, string>> {
  return {
    link: { GET: i18n.t('menu.copyLink'), PUT: i18n.t('menu.copyUploadLink') },
    page: { GET: i18n.t('menu.copyPageLink'), PUT: i18n.t('menu.copyPageUploadLink') },
  };
}

/**
 * Every context-menu item for these profiles and this default expiry: on S3 links, "Copy pre-signed link" with
 * an expiry submenu and "Copy upload (PUT) link" (default expiry); on S3 pages, the same "… to this page".
 */
export function menuItems(profiles: readonly Profile[], defaultExpiresIn: number): MenuItemSpec[] {
  const links = objectUrlPatterns(profiles);
  const pages = objectPagePatterns(profiles);
  const items: MenuItemSpec[] = [];
  const title = titles();
  for (const source of ['link', 'page'] as const) {
    // Children carry the restriction too: Firefox checks each item on its own.
    const where = source === 'link' ? links && { targetUrlPatterns: links } : { documentUrlPatterns: pages };
    const contexts: MenuItemSpec['contexts'] = source === 'link' ? ['link'] : [...PAGE_CONTEXTS];
    const base = { contexts, ...where };
    const parentId = menuItemId(source, 'GET');
    items.push({ id: parentId, title: title[source].GET, ...base });
    for (const choice of expiryChoices(defaultExpiresIn)) {
      items.push({ id: menuItemId(source, 'GET', choice.seconds), parentId, title: choice.title, ...base });
    }
    items.push({ id: menuItemId(source, 'PUT'), title: title[source].PUT, ...base });
  }
  return items;
}

/** Reads a clicked item's id back into what to copy; undefined for ids that are not ours. */
export function menuAction(id: string | number): MenuAction | undefined {
  const [base = '', seconds, ...rest] = String(id).split(':');
  if (rest.length > 0) return undefined;
  for (const source of ['link', 'page'] as const) {
    for (const method of ['GET', 'PUT'] as const) {
      if (IDS[source][method] !== base) continue;
      if (seconds === undefined) return { source, method };
      if (method !== 'GET' || !/^\d+$/.test(seconds)) return undefined;
      return { source, method, expiresIn: Number(seconds) };
    }
  }
  return undefined;
}
