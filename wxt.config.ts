import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Hosts the extension may reach without asking: AWS's S3 endpoints, and loopback for local S3-compatible
// servers (MinIO, Ceph, the demo). Other custom endpoints are requested at runtime.
const AWS_HOSTS = ['https://*.amazonaws.com/*', 'https://*.amazonaws.com.cn/*'];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // S3P_OUTPUT lets parallel builds (and the benchmark) use their own folder; tests read the same variable.
  outDir: process.env.S3P_OUTPUT ?? '.output',
  // Manifest V3 for Firefox too (WXT defaults Firefox to V2): one permission model everywhere.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // entrypoints/bench (the benchmark page) is built only by `npm run bench` (S3P_BENCH=1), never shipped.
    'entrypoints:found': (_wxt, infos) => {
      if (process.env.S3P_BENCH === '1') return;
      const bench = infos.findIndex((info) => info.name === 'bench');
      if (bench !== -1) infos.splice(bench, 1);
    },
  },
  manifest: ({ browser }) => ({
    name: 'S3 Presign',
    description:
      'Copy a time-limited pre-signed link to a private S3 object: from the toolbar, a right-click or a shortcut. Keys never leave your browser.',
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
        description: 'Copy a pre-signed link for the S3 object in the current tab (or the one last picked)',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open S3 Presign',
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
