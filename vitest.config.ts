import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects, run in this order by `npm test`: the pure core and adapters (fakeBrowser), the core against
// a real signature-checking S3 (Ceph radosgw), and the built extension in real Chromium against that S3.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // browser.i18n for fakeBrowser, from locales/en.yml (utils/menu.ts's titles, read by unit and e2e tests).
    setupFiles: ['tests/support/i18n.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/s3-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/s3-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
