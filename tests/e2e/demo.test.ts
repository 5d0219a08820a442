import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetDemoProfile } from '../../scripts/demo/profile.mjs';
import { BIG_FOLDER, BIG_FOLDER_SIZE, demoSamples } from '../../scripts/demo/samples.mjs';
import { type DemoStack, startDemoStack } from '../../scripts/demo/stack.mjs';
import { dispatchMenuClick, type LoadedExtension, loadExtension, waitFor } from '../support/chromium';
import { rawRequest } from '../support/raw-http';
import { PopupPage } from './pages/popup-page';

// `npm run demo`, headless: the demo's own stack (its radosgw, seeded demo-bucket and page of links), the built
// extension with the demo profile pre-set as the demo does it, then the popup, the shortcut and the menu on the
// demo page each give a link that the server (which checks signatures) answers with the sample's bytes.
// The s3rver fallback (for machines without Ceph) gets the same round trip.

const SAMPLES = new Map(demoSamples().map((sample) => [sample.key, sample.body]));
let stack: DemoStack;
let extension: LoadedExtension;

/** Clears the clipboard, runs a gesture, and returns the link it copied. */
async function copiedBy(gesture: () => Promise<unknown>): Promise<string> {
  await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await gesture();
  return waitFor(extension.readClipboard, (text) => text.startsWith('http'));
}

async function expectServes(link: string, key: string): Promise<void> {
  const response = await rawRequest(link);
  expect(response.status, response.body.toString()).toBe(200);
  expect(response.body.equals(SAMPLES.get(key) as Buffer)).toBe(true);
}

beforeAll(async () => {
  stack = await startDemoStack({ server: 'radosgw' });
  extension = await loadExtension();
  await presetDemoProfile(extension.worker, stack);
}, 180_000);

afterAll(async () => {
  await extension?.close();
  await stack?.stop();
});

describe('the demo, headless', () => {
  it('runs the signature-checking server and refuses the unsigned links on its page', async () => {
    expect(stack.server).toMatchObject({ kind: 'radosgw', verifiesSignatures: true });
    const response = await rawRequest(stack.objectUrl('invoices/2026/INV-0042 ACME.pdf'));
    expect(response.status).toBe(403);
  });

  it('pre-sets the profile in the current storage shape: no secret in profiles (v2), the key in secrets', async () => {
    const got = await extension.worker.evaluate(() =>
      chrome.storage.local.get(['profiles', 'profiles$', 'secrets', 'secrets$']),
    );
    const { secretAccessKey, ...withoutSecret } = stack.profile;
    expect(got).toEqual({
      profiles: [withoutSecret],
      profiles$: { v: 2 },
      secrets: { [stack.profile.id]: { secretAccessKey } },
      secrets$: { v: 1 },
    });
  });

  it('opens the popup at demo-bucket; the big folder pages, and the server search finds its last key', async () => {
    const popup = await PopupPage.open(extension.context, extension.id);
    await popup.row('invoices/').waitFor();
    expect(await popup.page.getByRole('navigation', { name: 'Location' }).textContent()).toContain(
      stack.bucket,
    );
    const [top, month] = BIG_FOLDER.split('/') as [string, string];
    await popup.open(`${top}/`);
    await popup.open(`${month}/`);
    await expect.poll(() => popup.status.textContent()).toMatch(/^1,000 items · more on the server/);
    // The last key is beyond the first page: the filter offers to search the server for it.
    const last = `app-${BIG_FOLDER_SIZE}`;
    await popup.filterBox.fill(last);
    await popup.browse
      .getByRole('button', { name: `Search the server for keys starting with “${last}”` })
      .click();
    await popup.row(`${last}.log`).waitFor();
    await popup.page.close();
  });

  it('the shortcut on a tab of the PDF copies a link that serves the PDF', async () => {
    const key = 'invoices/2026/INV-0042 ACME.pdf';
    const tab = await extension.context.newPage();
    await tab.goto(stack.objectUrl(key));
    await tab.bringToFront();
    const link = await copiedBy(() =>
      extension.worker.evaluate(() => {
        // @ts-expect-error -- dispatch exists on Chrome's event objects, not in their types
        chrome.commands.onCommand.dispatch('copy-presigned-link');
      }),
    );
    await tab.close();
    expect(link.startsWith(`${stack.server.endpoint}/${stack.bucket}/`)).toBe(true);
    await expectServes(link, key);
  });

  it.each(['videos/review cut+v2.webm', 'images/logo.png', 'unicode/日本語 こんにちは.txt'])(
    'the menu on the demo page link to %s copies a working link',
    async (key) => {
      const page = await extension.context.newPage();
      await page.goto(stack.pageUrl);
      const href = await page.getByRole('link', { name: key, exact: true }).getAttribute('href');
      await page.close();
      expect(href).toBe(stack.objectUrl(key));
      const link = await copiedBy(() =>
        dispatchMenuClick(extension.worker, 'copy-presigned-link', {
          linkUrl: href as string,
          pageUrl: stack.pageUrl,
        }),
      );
      await expectServes(link, key);
    },
  );
});

describe('the demo without Ceph (s3rver fallback)', () => {
  it('starts, seeds, says it checks no signature, and serves a link the menu copies', async () => {
    const fallback = await startDemoStack({ server: 's3rver' });
    try {
      expect(fallback.server).toMatchObject({ kind: 's3rver', verifiesSignatures: false });
      await presetDemoProfile(extension.worker, fallback);
      const key = 'docs/résumé (final).txt';
      const link = await copiedBy(() =>
        dispatchMenuClick(extension.worker, 'copy-presigned-link', { linkUrl: fallback.objectUrl(key) }),
      );
      expect(link.startsWith(`${fallback.server.endpoint}/${fallback.bucket}/`)).toBe(true);
      expect(new URL(link).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      await expectServes(link, key);
      const page = await (await fetch(fallback.pageUrl)).text();
      expect(page).toContain('does not check signatures');
      // s3rver serves even an unsigned link: the page says so instead of claiming they fail.
      expect((await rawRequest(fallback.objectUrl(key))).status).toBe(200);
      expect(page).toContain('they open even unsigned');
      expect(page).not.toContain('Opened as they are, they fail');
    } finally {
      await fallback.stop();
      await presetDemoProfile(extension.worker, stack);
    }
  }, 120_000);
});
