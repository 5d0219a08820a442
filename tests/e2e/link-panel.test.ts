import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXTENSION_DIR, type LoadedExtension, loadExtension } from '../support/chromium';
import { rawRequest } from '../support/raw-http';
import { s3Client, seedBucket } from '../support/s3-client';
import { PopupPage } from './pages/popup-page';

// The link panels' states in the built extension, in real Chromium against radosgw: what "Copied" refers to,
// what the paste form starts from and forgets, invalid custom expiries, and the popup's failure states.

const s3 = inject('s3');
const bucket = `link-panel-${Date.now().toString(36)}`;
const OBJECTS: Record<string, string> = {
  'notes/a.txt': 'first note',
  'notes/b.txt': 'second note',
};

let extension: LoadedExtension;
let popup: PopupPage;

function objectUrl(key: string): string {
  return `${s3.endpoint}/${bucket}/${key}`;
}

function expiresOf(link: string): string | null {
  return new URL(link).searchParams.get('X-Amz-Expires');
}

/** Lets the page run its pending work (replies, Preact's batched renders) before reading it. */
function settle(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(() => done(), 0))),
  );
}

/** The paste-a-link form, opened from the header. */
async function pasteForm(page: PopupPage): Promise<Locator> {
  const form = page.page.getByRole('form', { name: 'Sign a link' });
  await page.page.getByRole('button', { name: 'Paste a link' }).click();
  await form.waitFor();
  return form;
}

beforeAll(async () => {
  await seedBucket(s3Client(s3, s3.owner), bucket, OBJECTS);
  extension = await loadExtension();
  popup = await PopupPage.open(extension.context, extension.id);
  await popup.addProfile({ name: 'local ceph', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
});

afterAll(async () => {
  await extension?.close();
});

describe('an object’s link panel', () => {
  it('"Copied" belongs to the link that was copied: a re-signed link (method, expiry) shows none', async () => {
    await popup.open(bucket);
    await popup.open('notes/');
    await popup.open('a.txt');
    const panel = popup.page.getByRole('region', { name: 'Link for a.txt' });
    const linkBox = panel.getByRole('textbox', { name: 'Signed link' });
    const status = panel.locator('.copied');

    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => status.textContent()).toBe('Copied');
    const copied = await linkBox.inputValue();

    await panel.getByLabel('Upload (PUT)').check();
    await expect.poll(() => linkBox.inputValue()).not.toBe(copied);
    expect(await status.textContent()).toBe('');

    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => status.textContent()).toBe('Copied');
    await panel.getByLabel('Expires after').selectOption({ label: '7 days' });
    await expect.poll(async () => expiresOf(await linkBox.inputValue())).toBe('604800');
    expect(await status.textContent()).toBe('');
  });

  it('offers no link while the custom duration is invalid, and the typed one once it is fixed', async () => {
    const panel = popup.page.getByRole('region', { name: 'Link for a.txt' });
    const linkBox = panel.getByRole('textbox', { name: 'Signed link' });
    await panel.getByLabel('Download (GET)').check();
    await panel.getByLabel('Expires after').selectOption({ label: 'Custom…' });
    // Custom starts from the expiry in force (7 days, from the test before), written so it reads back exactly.
    expect(await panel.getByLabel('Custom duration').inputValue()).toBe('7d');
    await expect.poll(async () => expiresOf(await linkBox.inputValue())).toBe('604800');

    await panel.getByLabel('Custom duration').fill('8d');
    await expect.poll(() => linkBox.count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Make this the default expiry' }).count()).toBe(0);
    expect(await panel.getByRole('alert').textContent()).toMatch(/No link until the custom duration/);
    expect(await panel.locator('#field-custom-expiry-error').textContent()).toMatch(/too long.*7 days/);

    await panel.getByLabel('Custom duration').fill('2h');
    await expect.poll(async () => expiresOf(await linkBox.inputValue())).toBe('7200');
    expect(await panel.getByRole('alert').count()).toBe(0);
    const response = await rawRequest(await linkBox.inputValue());
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('first note');
  });
});

describe('the paste-a-link form', () => {
  it('starts from the user’s default expiry and takes a custom one', async () => {
    const settings = await extension.context.newPage();
    await settings.goto(`chrome-extension://${extension.id}/options.html`);
    await settings.getByLabel('Expires after').selectOption({ label: '1 day' });
    await expect
      .poll(() => extension.worker.evaluate(() => chrome.storage.local.get('preferences')))
      .toMatchObject({ preferences: { defaultExpiresIn: 86_400 } });
    await settings.close();

    const page = await PopupPage.open(extension.context, extension.id);
    const form = await pasteForm(page);
    expect(await form.getByLabel('Expires after').inputValue()).toBe('86400');
    const first = await page.sign(objectUrl('notes/a.txt'));
    expect(expiresOf(first)).toBe('86400');
    expect((await rawRequest(first)).body.toString()).toBe('first note');

    await form.getByLabel('Expires after').selectOption({ label: 'Custom…' });
    await form.getByLabel('Custom duration').fill('90m');
    await form.getByRole('button', { name: 'Sign link' }).click();
    const link = form.getByRole('textbox', { name: 'Signed link' });
    await expect.poll(async () => expiresOf(await link.inputValue())).toBe('5400');
    expect((await rawRequest(await link.inputValue())).body.toString()).toBe('first note');

    await form.getByLabel('Custom duration').fill('0');
    await form.getByRole('button', { name: 'Sign link' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/^Fix the custom duration first: .*at least 1 second/);
    expect(await link.count()).toBe(0);
    await page.page.close();
  });

  it('forgets the link as soon as the URL, the method or the expiry changes', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    const form = await pasteForm(page);
    const link = form.getByRole('textbox', { name: 'Signed link' });
    const copy = form.getByRole('button', { name: 'Copy link' });

    await page.sign(objectUrl('notes/a.txt'));
    await form.getByLabel(/S3 object/).fill(objectUrl('notes/b.txt'));
    expect(await link.count()).toBe(0);
    expect(await copy.count()).toBe(0);

    await page.sign(objectUrl('notes/b.txt'));
    await form.getByLabel('Link for').selectOption('PUT');
    expect(await link.count()).toBe(0);
    expect(await copy.count()).toBe(0);

    await page.sign(objectUrl('notes/b.txt'), { method: 'PUT' });
    await form.getByLabel('Expires after').selectOption({ label: '15 minutes' });
    expect(await link.count()).toBe(0);
    expect(await copy.count()).toBe(0);
    await page.page.close();
  });

  it('shows the answer to the latest request, not an older one that arrives after it', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    const form = await pasteForm(page);
    // Holds the next message to the background until released, as a slow background would.
    await page.page.evaluate(() => {
      const state = window as unknown as { hold: boolean; release?: () => void; staleAnswered?: boolean };
      const runtimes = [chrome.runtime, (globalThis as { browser?: typeof chrome }).browser?.runtime];
      for (const runtime of new Set(runtimes.filter((r) => r !== undefined))) {
        const send = runtime.sendMessage.bind(runtime) as (...args: unknown[]) => unknown;
        (runtime as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
          if (!state.hold) return send(...args);
          state.hold = false;
          const last = args.at(-1);
          if (typeof last === 'function') {
            args[args.length - 1] = (...reply: unknown[]) => {
              last(...reply);
              state.staleAnswered = true;
            };
          }
          return new Promise((resolve) => {
            state.release = () => {
              const answer = send(...args);
              resolve(answer);
              void Promise.resolve(answer).then(() => {
                state.staleAnswered = true;
              });
            };
          });
        };
      }
      state.hold = true;
    });

    await form.getByLabel(/S3 object/).fill(objectUrl('notes/a.txt'));
    await form.getByRole('button', { name: 'Sign link' }).click();
    const link = form.getByRole('textbox', { name: 'Signed link' });
    const latest = await page.sign(objectUrl('notes/b.txt'));
    expect(new URL(latest).pathname).toBe(`/${bucket}/notes/b.txt`);

    await page.page.evaluate(() => (window as unknown as { release: () => void }).release());
    await expect
      .poll(() => page.page.evaluate(() => (window as unknown as { staleAnswered?: boolean }).staleAnswered))
      .toBe(true);
    await settle(page.page);
    expect(new URL(await link.inputValue()).pathname).toBe(`/${bucket}/notes/b.txt`);
    expect(await form.getByRole('alert').count()).toBe(0);
    await page.page.close();
  });
});

describe('the popup’s failure states', () => {
  it('a refused host-access notice can be dismissed', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.filterBox
      .or(page.page.getByRole('button', { name: 'Profiles' }))
      .first()
      .waitFor();
    // The browser's prompt cannot be answered headless: answer it "Block" the way Chrome reports it.
    await page.page.evaluate(() => {
      const runtimes = [chrome.permissions, (globalThis as { browser?: typeof chrome }).browser?.permissions];
      for (const permissions of new Set(runtimes.filter((p) => p !== undefined))) {
        (permissions as { request: unknown }).request = (
          _origins: unknown,
          callback?: (ok: boolean) => void,
        ) => {
          callback?.(false);
          return Promise.resolve(false);
        };
      }
    });
    await page.page.getByRole('button', { name: 'Profiles' }).click();
    await page.page.getByRole('button', { name: 'Add profile' }).click();
    await page.fillProfile({
      name: 'far store',
      ...s3.owner,
      region: s3.region,
      endpoint: 'http://storage.invalid:9000',
    });
    await page.page
      .getByRole('form', { name: 'Add a profile' })
      .getByRole('button', { name: 'Save profile' })
      .click();
    const notice = page.page
      .getByRole('alert')
      .filter({ hasText: 'did not grant access to storage.invalid:9000' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await page.page.close();
  });

  it('a Remove that fails says so in words, and a retry removes', async () => {
    const page = await PopupPage.open(extension.context, extension.id);
    await page.page.getByRole('button', { name: 'Profiles' }).click();
    const profiles = page.page.getByRole('region', { name: 'Profiles' });
    await profiles.getByText('far store', { exact: true }).waitFor();
    const row = profiles.getByRole('listitem').filter({ hasText: 'far store' });
    await row.getByRole('button', { name: 'Remove', exact: true }).click();

    // The storage write fails, as it does when the browser's storage is broken or full.
    await page.page.evaluate(() => {
      const areas = [
        chrome.storage.local,
        (globalThis as { browser?: typeof chrome }).browser?.storage.local,
      ];
      const state = window as unknown as { restore: () => void };
      const restores: (() => void)[] = [];
      for (const area of new Set(areas.filter((a) => a !== undefined))) {
        const own = Object.getOwnPropertyDescriptor(area, 'set');
        (area as { set: unknown }).set = () => {
          throw new Error('IO error: storage refused the write');
        };
        restores.push(() => {
          if (own) Object.defineProperty(area, 'set', own);
          else delete (area as { set?: unknown }).set;
        });
      }
      state.restore = () => {
        for (const restore of restores) restore();
      };
    });
    await row.getByRole('button', { name: 'Remove “far store” and its keys' }).click();
    const alert = profiles.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'Could not remove “far store”: the browser did not save the change. Try again; if it keeps failing, reload S3 Presign on the browser’s extensions page.',
      );
    expect(await profiles.getByText('far store', { exact: true }).count()).toBe(1);

    await page.page.evaluate(() => (window as unknown as { restore: () => void }).restore());
    await row.getByRole('button', { name: 'Remove “far store” and its keys' }).click();
    await expect.poll(() => profiles.getByText('far store', { exact: true }).count()).toBe(0);
    expect(await alert.count()).toBe(0);
    await page.page.close();
  });

  it('a screen whose code cannot load says what to do, and loads on retry', async () => {
    const chunks = join(EXTENSION_DIR, 'chunks');
    const chunk = readdirSync(chunks).find((name) => /^ProfilesView-.*\.js$/.test(name));
    if (!chunk) throw new Error(`No ProfilesView chunk in ${chunks}`);
    const page = await PopupPage.open(extension.context, extension.id);
    await page.page.getByRole('button', { name: 'Profiles' }).waitFor();
    // What an update under an open popup does: the screen's file is gone.
    renameSync(join(chunks, chunk), join(chunks, `${chunk}.away`));
    try {
      await page.page.getByRole('button', { name: 'Profiles' }).click();
      const alert = page.page.getByRole('alert').filter({ hasText: 'Could not load this screen' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/close and reopen the popup/);
      expect(await page.page.locator('[aria-busy="true"]').count()).toBe(0);
    } finally {
      renameSync(join(chunks, `${chunk}.away`), join(chunks, chunk));
    }
    await page.page.getByRole('button', { name: 'Try again' }).click();
    await page.page.getByRole('region', { name: 'Profiles' }).waitFor();
    expect(await page.page.getByText('Could not load this screen').count()).toBe(0);
    await page.page.close();
  });
});
