import { execFileSync } from 'node:child_process';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// Hosts the extension may reach without asking: AWS's S3 endpoints, and loopback for local S3-compatible
// servers (MinIO, Ceph, the demo). Other custom endpoints are requested at runtime.
const AWS_HOSTS = ['https://*.amazonaws.com/*', 'https://*.amazonaws.com.cn/*'];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Preact's renderer sets `innerHTML` for `dangerouslySetInnerHTML`, which this extension never uses (STYLE: no
 * innerHTML). That one statement is what `web-ext lint` flags (UNSAFE_VAR_ASSIGNMENT), so the build replaces it
 * with a throw: the code path is gone from the shipped bundle, and any future use fails loudly instead.
 */
function preactWithoutInnerHtml(): Plugin {
  const ASSIGNMENT = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  return {
    name: 's3p-preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs/.test(id.split('?')[0] ?? '')) return null;
      const matches = code.match(ASSIGNMENT)?.length ?? 0;
      // Preact's minified shape changed: fail the build rather than ship the lint warning silently.
      if (matches !== 1) this.error(`expected one innerHTML assignment in ${id}, found ${matches}`);
      return {
        code: code.replace(
          ASSIGNMENT,
          '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()',
        ),
        map: null,
      };
    },
  };
}

/**
 * The sources zip holds only what git tracks (as in the working tree), so an untracked scratch file or a saved
 * settings export next to the code never ships. Dot paths stay out, as WXT leaves them out by default. Asked
 * only when zipping: a build in a copy without git (the sources zip unpacked) does not need git.
 */
function trackedSources(): string[] {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(
      `The sources zip lists git's tracked files, and git ls-files failed (${error instanceof Error ? error.message : error}). Run  npm run zip  in a git checkout of S3 Presign.`,
    );
  }
  return listed
    .split('\0')
    .filter((file) => file !== '' && !file.split('/').some((part) => part.startsWith('.')))
    .map((file) => file.replace(/[\\*?[\]{}()!+@]/g, '\\$&'));
}

/** Files next to the sources that git does not track (and does not ignore): named when zipping, as left out. */
function untrackedSources(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z', '--others', '--exclude-standard'], { encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && !file.startsWith('tests/'));
  } catch {
    return [];
  }
}

export default defineConfig({
  // i18n: strings live in locales/en.yml (the module's default folder, <srcDir>/locales, and srcDir is the root);
  // the build writes them to _locales/en/messages.json.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // S3P_OUTPUT lets parallel builds (and the benchmark) use their own folder; tests read the same variable.
  outDir: process.env.S3P_OUTPUT ?? '.output',
  // Manifest V3 for Firefox too (WXT defaults Firefox to V2): one permission model everywhere.
  manifestVersion: 3,
  vite: () => ({ plugins: [preactWithoutInnerHtml(), preact()] }),
  // `npm run zip`: the Chrome and Firefox store zips, and (for Firefox's review) the sources zip: the files git
  // tracks (see trackedSources, set in the zip:sources:start hook), minus the build folders, key material,
  // benchmark results, the docs folder and the tests. No test ships (AMO's reviewers rebuild; they run none, and
  // half a test suite without its tests helps nobody).
  zip: {
    excludeSources: [
      '.output*/**',
      '.tmp/**',
      '**/*.pem',
      '**/*.key',
      '**/*.p12',
      'scripts/bench/results/**',
      'docs/**',
      'tests/**',
      'vitest.config.ts',
    ],
  },
  hooks: {
    'zip:sources:start': (wxt) => {
      wxt.config.zip.includeSources = trackedSources();
      const left = untrackedSources();
      if (left.length > 0)
        wxt.logger.warn(
          `Not in the sources zip (git does not track them; commit any the build needs): ${left.join(', ')}`,
        );
    },
    // WXT titles the toolbar button with the popup page's <title>; the manifest's own name is the localized one.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_extName__';
    },
    // entrypoints/bench (the benchmark page) is built only by `npm run bench` (S3P_BENCH=1), never shipped.
    // Firefox's background page writes the clipboard itself: no offscreen document is shipped there.
    'entrypoints:found': (wxt, infos) => {
      const dropped = [
        ...(process.env.S3P_BENCH === '1' ? [] : ['bench']),
        ...(wxt.config.browser === 'firefox' ? ['offscreen'] : []),
      ];
      for (const name of dropped) {
        const index = infos.findIndex((info) => info.name === name);
        if (index !== -1) infos.splice(index, 1);
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'contextMenus',
      'clipboardWrite',
      'notifications',
      'activeTab',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    host_permissions: [...AWS_HOSTS, ...LOOPBACK_HOSTS],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Changeable at chrome://extensions/shortcuts (Firefox: about:addons → Manage Extension Shortcuts).
    // Neither default is a Chrome or Firefox shortcut on Windows, Linux or macOS; on ChromeOS both are system
    // shortcuts (shelf, status area), so the user sets their own there.
    commands: {
      'copy-presigned-link': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commands_copyLink__',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commands_openPopup__',
      },
    },
    // Chrome 116 added chrome.runtime.getContexts, which the clipboard's offscreen document is found by
    // (utils/adapters/clipboard.ts); the offscreen API itself is from Chrome 109.
    ...(browser === 'chrome' ? { minimum_chrome_version: '116' } : {}),
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 's3-presign@s3presign.dev',
              strict_min_version: '142.0',
              // Firefox asks add-ons to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
