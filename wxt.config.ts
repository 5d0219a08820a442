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
    commands: {
      'copy-presigned-link': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Copy a pre-signed link for the S3 object in the current tab',
      },
    },
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
