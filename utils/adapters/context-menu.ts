import { browser } from 'wxt/browser';
import { type MenuItemSpec, menuAction, menuItemId, menuItems } from '../menu';
import { menuGesture } from '../menu-gestures';
import { BUILT_IN_PAGE_PATTERNS } from '../menu-patterns';
import { copySignedLink } from './copy-signed-link';
import { preferencesItem, profilesItem } from './storage';
import { publicProfiles } from './vault-store';

/** The "Copy pre-signed link" item on links (default expiry when clicked directly). */
export const COPY_LINK_MENU_ID = menuItemId('link', 'GET');

function create(spec: MenuItemSpec): Promise<void> {
  return new Promise((done, fail) => {
    browser.contextMenus.create(spec, () => {
      const error = browser.runtime.lastError;
      if (error) fail(new Error(error.message));
      else done();
    });
  });
}

/**
 * Creates one item. A link item the browser refuses for its patterns is created without them (shown on every
 * link > never); a page item, with the built-in S3 patterns only: unrestricted it would show on every page,
 * image and frame of every site.
 */
async function createItem(spec: MenuItemSpec): Promise<void> {
  try {
    await create(spec);
  } catch (error) {
    const { targetUrlPatterns, documentUrlPatterns, ...unrestricted } = spec;
    if (documentUrlPatterns) {
      const builtIn = [...BUILT_IN_PAGE_PATTERNS];
      if (JSON.stringify(documentUrlPatterns) === JSON.stringify(builtIn)) throw error;
      console.warn('S3 Presign: menu patterns refused, keeping the S3 hosts only', spec.id, String(error));
      await create({ ...unrestricted, documentUrlPatterns: builtIn });
      return;
    }
    if (!targetUrlPatterns) throw error;
    console.warn('S3 Presign: menu patterns refused, showing the item on every link', spec.id, String(error));
    await create(unrestricted);
  }
}

let built: string | undefined;
let queue: Promise<void> = Promise.resolve();

/**
 * Rebuilds the menu from storage; calls run one after another, never interleaved. Unless `force`d (install,
 * start-up), a rebuild that would change nothing is skipped.
 */
export function syncContextMenu(force = false): Promise<void> {
  queue = queue
    .then(async () => {
      const [profiles, preferences] = await Promise.all([
        // Endpoints and names only (readable while locked): the menu needs no key.
        publicProfiles(),
        preferencesItem.getValue(),
      ]);
      const specs = menuItems(profiles, preferences.defaultExpiresIn);
      const fingerprint = JSON.stringify(specs);
      // The popup writes preferences on every folder it opens: most writes change nothing here.
      if (!force && fingerprint === built) return;
      built = undefined;
      await browser.contextMenus.removeAll();
      for (const spec of specs) await createItem(spec);
      built = fingerprint;
    })
    .catch((error: unknown) => {
      console.error('S3 Presign: could not build the right-click menu', String(error));
    });
  return queue;
}

/**
 * The right-click items on S3 links and pages. Menus persist across service-worker restarts, so they are built
 * on install and browser start-up, and rebuilt when profiles or the default expiry change.
 */
export function addContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => syncContextMenu(true));
  browser.runtime.onStartup.addListener(() => syncContextMenu(true));
  profilesItem.watch(() => void syncContextMenu());
  preferencesItem.watch(() => void syncContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const action = menuAction(info.menuItemId);
    if (action) void copySignedLink(({ state }) => menuGesture(action, info, tab?.url, state.profiles));
  });
}
