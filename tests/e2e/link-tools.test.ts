import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  dispatchCommand,
  dispatchMenuClick,
  type LoadedExtension,
  loadExtension,
  waitFor,
} from '../support/chromium';
import { rawRequest } from '../support/raw-http';
import { s3Client, seedBucket } from '../support/s3-client';
import { PopupPage } from './pages/popup-page';

// Link tools in the built extension, in real Chromium against radosgw (which checks signatures): "Test" gives
// the right verdict for a working link, a missing key, a link signed by a user without access, and an expired
// link; the history lists copied links with a countdown, copies them again and forgets them; QR codes render.

const s3 = inject('s3');
const bucket = `link-tools-${Date.now().toString(36)}`;
const OBJECTS: Record<string, string> = {
  'docs/hello.txt': 'hello, world',
  'docs/menu.txt': 'from the menu',
  'docs/empty.txt': '',
};

let extension: LoadedExtension;
let popup: PopupPage;

function objectUrl(key: string): string {
  return `${s3.endpoint}/${bucket}/${key}`;
}

/** Clicks the Test next to a link and returns the verdict shown (its kind and text). */
async function test(scope: Locator): Promise<{ kind: string | null; text: string }> {
  await scope.getByRole('button', { name: 'Test', exact: true }).click();
  const verdict = scope.locator('.verdict[data-kind]');
  await verdict.waitFor();
  return { kind: await verdict.getAttribute('data-kind'), text: (await verdict.textContent()) ?? '' };
}

/** Signs a pasted link in the popup and returns the result section. */
async function pasted(key: string, expiry?: { custom: string }): Promise<Locator> {
  const form = popup.page.getByRole('form', { name: 'Sign a link' });
  if (!(await form.isVisible())) await popup.page.getByRole('button', { name: 'Paste a link' }).click();
  await form.getByLabel(/S3 object/).fill(objectUrl(key));
  if (expiry) {
    await form.getByLabel('Expires after').selectOption({ label: 'Custom…' });
    await form.getByLabel('Custom duration').fill(expiry.custom);
  } else await form.getByLabel('Expires after').selectOption('3600');
  await form.getByRole('button', { name: 'Sign link' }).click();
  const result = form.getByRole('region', { name: 'Signed link' });
  await result.waitFor();
  return result;
}

/** A link's X-Amz-Date as epoch ms. */
function amzDate(link: string): number {
  const signedAt = new URL(link).searchParams.get('X-Amz-Date') ?? '';
  return Date.parse(signedAt.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
}

async function openHistory(): Promise<Locator> {
  const view = popup.page.getByRole('region', { name: 'History' });
  if (!(await view.isVisible())) await popup.page.getByRole('button', { name: 'History' }).click();
  await view.waitFor();
  return view;
}

beforeAll(async () => {
  await seedBucket(s3Client(s3, s3.owner), bucket, OBJECTS);
  extension = await loadExtension();
  popup = await PopupPage.open(extension.context, extension.id);
  await popup.addProfile({ name: 'owner', ...s3.owner, region: s3.region, endpoint: s3.endpoint });
  await popup.addProfile({ name: 'stranger', ...s3.stranger, region: s3.region, endpoint: s3.endpoint });
});

afterAll(async () => {
  await extension?.close();
});

describe('Test a link', () => {
  it('a link signed by a user without access to the bucket: "no permission"', async () => {
    // Before any test uses the owner on this bucket: the paste form signs with the profile open in the popup
    // only while no profile is remembered for the bucket.
    await popup.switchProfile('stranger');
    const result = await pasted('docs/hello.txt');
    expect(await result.textContent()).toContain('signed with “stranger”');
    const verdict = await test(result);
    expect(verdict.kind).toBe('no-permission');
    expect(verdict.text).toContain('s3:GetObject');
    // The link really is refused: the verdict is not a guess.
    const link = await result.getByRole('textbox', { name: 'Signed link' }).inputValue();
    expect((await rawRequest(link)).status).toBe(403);
    await popup.switchProfile('owner');
  });

  it('a working link: "works", with its size and content type', async () => {
    await popup.filterBox.waitFor();
    await popup.open(bucket);
    await popup.open('docs/');
    await popup.open('hello.txt');
    const panel = popup.page.getByRole('region', { name: 'Link for hello.txt' });
    const verdict = await test(panel);
    expect(verdict.kind).toBe('works');
    expect(verdict.text).toMatch(/^✓?\s*Works: 12 bytes/);
  });

  it('a link to an empty object: "works", 0 bytes (radosgw answers 416 InvalidRange without Content-Range)', async () => {
    const result = await pasted('docs/empty.txt');
    const link = await result.getByRole('textbox', { name: 'Signed link' }).inputValue();
    // What the test's one-byte probe gets back from this store for an empty object.
    const probe = await rawRequest(link, { headers: { Range: 'bytes=0-0' } });
    expect(probe.status).toBe(416);
    const verdict = await test(result);
    expect(verdict.kind).toBe('works');
    expect(verdict.text).toMatch(/Works: 0 bytes/);
  });

  it('a link for a missing key: "not found"', async () => {
    const verdict = await test(await pasted('docs/missing.txt'));
    expect(verdict.kind).toBe('not-found');
    expect(verdict.text).toContain('no object “docs/missing.txt”');
  });

  it('an expired link: "expired"', async () => {
    const result = await pasted('docs/hello.txt', { custom: '1' });
    const link = await result.getByRole('textbox', { name: 'Signed link' }).inputValue();
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('1');
    await new Promise((done) => setTimeout(done, 2_500));
    const verdict = await test(result);
    expect(verdict.kind).toBe('expired');
    expect(verdict.text).toMatch(/^Expired: the link stopped working/);
  });

  it('an upload link is not sent: it says it cannot be tested without uploading', async () => {
    const form = popup.page.getByRole('form', { name: 'Sign a link' });
    await form.getByLabel('Link for').selectOption('PUT');
    const result = await pasted('docs/hello.txt');
    const verdict = await test(result);
    expect(verdict.kind).toBe('untestable');
    expect(verdict.text).toMatch(/cannot be tested without uploading/);
    await form.getByLabel('Link for').selectOption('GET');
    // Nothing was written: the object is as seeded.
    const get = await pasted('docs/hello.txt');
    const link = await get.getByRole('textbox', { name: 'Signed link' }).inputValue();
    expect((await rawRequest(link)).body.toString()).toBe(OBJECTS['docs/hello.txt']);
  });
});

describe('QR code', () => {
  it('shows the link as an SVG QR code with the expiry under it', async () => {
    const result = await pasted('docs/hello.txt');
    await result.getByRole('button', { name: 'QR code' }).click();
    const figure = result.locator('figure.qr');
    const svg = figure.getByRole('img', { name: /QR code of the download link for docs\/hello\.txt/ });
    await svg.waitFor();
    expect(await svg.evaluate((node) => node.tagName.toLowerCase())).toBe('svg');
    expect(await svg.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h\d+/);
    expect(await figure.locator('figcaption').textContent()).toMatch(/^Expires /);
  });
});

describe('History', () => {
  it('lists a copied link with a countdown, copies it again, and forgets it', async () => {
    const result = await pasted('docs/hello.txt');
    const link = await result.getByRole('textbox', { name: 'Signed link' }).inputValue();
    await result.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => result.locator('.copied').textContent()).toBe('Copied');

    const view = await openHistory();
    await expect(view.textContent()).resolves.toContain('cannot be revoked');
    const entry = view.getByRole('listitem', { name: 'GET docs/hello.txt' }).first();
    await entry.waitFor();
    await expect.poll(() => entry.locator('.countdown').textContent()).toMatch(/^expires in 59 min$/);

    await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await entry.getByRole('button', { name: 'Copy again' }).click();
    const copied = await waitFor(extension.readClipboard, (text) => text.startsWith('http'));
    expect(copied).toBe(link);
    expect((await rawRequest(copied)).body.toString()).toBe(OBJECTS['docs/hello.txt']);

    expect((await test(entry)).kind).toBe('works');

    const before = await view.getByRole('listitem').count();
    await entry.getByRole('button', { name: 'Forget' }).click();
    await expect.poll(() => view.getByRole('listitem').count()).toBe(before - 1);
  });

  it('records a link copied through the right-click menu', async () => {
    const view = await openHistory();
    await dispatchMenuClick(extension.worker, 'copy-presigned-link', { linkUrl: objectUrl('docs/menu.txt') });
    const entry = view.getByRole('listitem', { name: 'GET docs/menu.txt' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('right-click menu');
    await entry.getByRole('button', { name: 'QR code' }).click();
    await entry.getByRole('img', { name: /QR code/ }).waitFor();
  });

  it('records a link copied with the shortcut', async () => {
    const view = await openHistory();
    const tab = await extension.context.newPage();
    await tab.goto(objectUrl('docs/menu.txt'));
    await tab.bringToFront();
    await dispatchCommand(extension.worker, 'copy-presigned-link');
    const entry = view.getByRole('listitem', { name: 'GET docs/menu.txt' }).filter({ hasText: 'shortcut' });
    await entry.waitFor();
    await tab.close();
    await popup.page.bringToFront();
  });

  it('keeps no session token: re-copy puts the profile’s token back, and refuses once the profile holds another', async () => {
    const session = s3.session;
    if (!session)
      throw new Error('radosgw STS gave no session credentials: the temporary-credentials case cannot run');
    await popup.page.getByRole('button', { name: 'Profiles' }).click();
    await popup.page.getByRole('button', { name: 'Add profile' }).click();
    const form = popup.page.getByRole('form', { name: 'Add a profile' });
    await popup.fillProfile({ name: 'temporary', ...session, region: s3.region, endpoint: session.endpoint });
    await form.getByLabel(/Session token/).fill(session.sessionToken);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await popup.filterBox.waitFor();

    const form2 = popup.page.getByRole('form', { name: 'Sign a link' });
    await popup.page.getByRole('button', { name: 'Paste a link' }).click();
    await form2.getByLabel(/S3 object/).fill(`${session.endpoint}/${bucket}/docs/hello.txt`);
    await form2.getByRole('button', { name: 'Sign link' }).click();
    const result = form2.getByRole('region', { name: 'Signed link' });
    const link = await result.getByRole('textbox', { name: 'Signed link' }).inputValue();
    expect(new URL(link).searchParams.get('X-Amz-Security-Token')).toBe(session.sessionToken);
    await result.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => result.locator('.copied').textContent()).toBe('Copied');

    const stored = await extension.worker.evaluate(() => chrome.storage.local.get('history'));
    const json = JSON.stringify(stored);
    expect(json).toContain('tokenDigest');
    expect(json).not.toContain(session.sessionToken);
    expect(json).not.toContain(encodeURIComponent(session.sessionToken));

    const view = await openHistory();
    const entry = view
      .getByRole('listitem', { name: 'GET docs/hello.txt' })
      .filter({ hasText: '“temporary”' });
    await extension.clipboardPage.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await entry.getByRole('button', { name: 'Copy again' }).click();
    const copied = await waitFor(extension.readClipboard, (text) => text.startsWith('http'));
    expect(new URL(copied).searchParams.get('X-Amz-Security-Token')).toBe(session.sessionToken);
    expect((await rawRequest(copied)).body.toString()).toBe(OBJECTS['docs/hello.txt']);

    // The profile gets other temporary credentials: the old link's token is gone for good.
    await popup.page.getByRole('button', { name: 'Profiles' }).click();
    const card = popup.page.getByRole('listitem').filter({ hasText: 'temporary' });
    await card.getByRole('button', { name: 'Edit' }).click();
    const edit = popup.page.getByRole('form', { name: 'Edit profile' });
    await edit.getByLabel(/Session token/).fill('another-session-token');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await popup.filterBox.waitFor();
    const after = await openHistory();
    const stale = after
      .getByRole('listitem', { name: 'GET docs/hello.txt' })
      .filter({ hasText: '“temporary”' });
    await expect.poll(() => stale.textContent()).toContain('cannot be copied again');
    expect(await stale.getByRole('button', { name: 'Copy again' }).isDisabled()).toBe(true);
  });

  it('warns on Copy again when the profile that signed a link holds another access key now', async () => {
    // A link signed with a key the profile no longer holds (as after rotating it): recorded as the popup does.
    const owner = await extension.worker.evaluate(async () => {
      const { profiles } = await chrome.storage.local.get('profiles');
      return (profiles as { id: string; name: string }[]).find((p) => p.name === 'owner')?.id;
    });
    expect(owner).toBeTruthy();
    const now = new Date();
    const rotated = `${objectUrl('docs/rotated.txt')}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=OLDKEYID%2F20261129%2F${s3.region}%2Fs3%2Faws4_request&X-Amz-Date=20261129T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=ab`;
    await extension.worker.evaluate(
      async (entry) => {
        const { history } = await chrome.storage.local.get('history');
        await chrome.storage.local.set({ history: [entry, ...((history as unknown[]) ?? [])] });
      },
      {
        id: 'rotated-entry',
        source: 'popup',
        method: 'GET',
        bucket,
        key: 'docs/rotated.txt',
        profileId: owner,
        profileName: 'owner',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
        url: rotated,
      },
    );
    const view = await openHistory();
    const entry = view.getByRole('listitem', { name: 'GET docs/rotated.txt' });
    await expect.poll(() => entry.textContent()).toContain('holds another access key now');
    expect(await entry.textContent()).toContain('Test it before sending it');
    await entry.getByRole('button', { name: 'Forget' }).click();
  });

  it('clear all empties it', async () => {
    const view = await openHistory();
    await view.getByRole('button', { name: 'Clear all…' }).click();
    await view.getByRole('button', { name: 'Clear all', exact: true }).click();
    await expect.poll(() => view.getByRole('listitem').count()).toBe(0);
    expect(await view.textContent()).toContain('No links yet');
  });
});

describe('Link panel', () => {
  it('starts with the method the preferences name (defaultMethod)', async () => {
    await extension.worker.evaluate(async () => {
      const { preferences } = await chrome.storage.local.get('preferences');
      await chrome.storage.local.set({ preferences: { ...(preferences as object), defaultMethod: 'PUT' } });
    });
    const page = await PopupPage.open(extension.context, extension.id);
    await page.filterBox.waitFor();
    await page.switchProfile('owner');
    await page.row('hello.txt').or(page.row(bucket)).first().waitFor();
    if (await page.row(bucket).isVisible()) {
      await page.open(bucket);
      await page.open('docs/');
    }
    await page.open('hello.txt');
    const panel = page.page.getByRole('region', { name: 'Link for hello.txt' });
    expect(await panel.getByLabel('Upload (PUT)').isChecked()).toBe(true);
    await expect
      .poll(() => panel.getByRole('region', { name: 'Signed link' }).textContent())
      .toMatch(/^Upload link/);
    await extension.worker.evaluate(async () => {
      const { preferences } = await chrome.storage.local.get('preferences');
      const { defaultMethod: _, ...rest } = preferences as { defaultMethod?: string };
      await chrome.storage.local.set({ preferences: rest });
    });
    await page.page.close();
  });
});

describe('History settings (options page)', () => {
  it('turning history off stops recording; the kept days refuse a bad number; clear all asks first', async () => {
    const options = await extension.context.newPage();
    await options.goto(`chrome-extension://${extension.id}/options.html`);
    const settings = options.getByRole('region', { name: 'Link history' });
    const keep = settings.getByLabel(/Keep a history/);
    await keep.waitFor();
    expect(await keep.isChecked()).toBe(true);
    await keep.uncheck();

    const result = await pasted('docs/hello.txt');
    await result.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => result.locator('.copied').textContent()).toBe('Copied');
    const view = await openHistory();
    expect(await view.textContent()).toContain('History is off');
    expect(await view.getByRole('listitem').count()).toBe(0);

    await keep.check();
    const days = settings.getByLabel('Keep expired links for (days)');
    await days.fill('400');
    expect(await settings.textContent()).toContain('At most 365 days');
    await days.fill('3');
    await expect
      .poll(() => extension.worker.evaluate(() => chrome.storage.local.get('historySettings')))
      .toEqual({ historySettings: { enabled: true, keepExpiredDays: 3 } });

    await popup.page.bringToFront();
    const again = await pasted('docs/hello.txt');
    await again.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => again.locator('.copied').textContent()).toBe('Copied');
    await expect
      .poll(() =>
        extension.worker.evaluate(
          async () =>
            ((await chrome.storage.local.get('history')).history as unknown[] | undefined)?.length ?? 0,
        ),
      )
      .toBe(1);

    await options.bringToFront();
    await settings.getByRole('button', { name: 'Clear all history…' }).click();
    expect(await settings.textContent()).toContain('Remove all 1 link from the history?');
    await settings.getByRole('button', { name: 'Clear history' }).click();
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('History cleared.');
    expect(await extension.worker.evaluate(() => chrome.storage.local.get('history'))).toEqual({
      history: [],
    });
    await options.close();
  });
});

describe('Clock skew', () => {
  it('a clock 2 hours behind makes a fresh link look expired to the store: the test names the offset, and signing with the corrected time works', async () => {
    // The computer's clock, not the store, is wrong here: the popup runs with its clock 2 hours behind. Playwright's
    // clock is the whole context's, so this runs last.
    const skewed = await PopupPage.open(extension.context, extension.id);
    await skewed.filterBox.waitFor();
    await skewed.switchProfile('owner');
    // The popup reopens where it was last (inside docs/): open the bucket and folder only when not there.
    await skewed.row('hello.txt').or(skewed.row(bucket)).first().waitFor();
    if (await skewed.row(bucket).isVisible()) {
      await skewed.open(bucket);
      await skewed.open('docs/');
    }
    await skewed.open('hello.txt');
    const panel = skewed.page.getByRole('region', { name: 'Link for hello.txt' });
    const linkBox = panel.getByRole('textbox', { name: 'Signed link' });
    await linkBox.waitFor();

    // From here this computer's clock is 2 hours behind; a change of method signs anew with it.
    await skewed.page.clock.setFixedTime(new Date(Date.now() - 2 * 3_600_000));
    await panel.getByLabel('Upload (PUT)').check();
    await panel.getByLabel('Download (GET)').check();
    const result = panel.getByRole('region', { name: 'Signed link' });
    await expect
      .poll(async () => {
        const download = (await result.textContent())?.startsWith('Download link');
        return download ? amzDate(await linkBox.inputValue()) - Date.now() : 0;
      })
      .toBeLessThan(-3_600_000);

    const verdict = await test(panel);
    expect(verdict.kind).toBe('clock-skew');
    expect(verdict.text).toMatch(/clock is (2 hours|1 hour 59 minutes)\b.* behind the store’s/);

    await panel.getByRole('button', { name: 'Sign with the corrected time' }).click();
    await expect
      .poll(async () => Math.abs(amzDate(await linkBox.inputValue()) - Date.now()))
      .toBeLessThan(60_000);
    const corrected = await linkBox.inputValue();
    expect((await rawRequest(corrected)).body.toString()).toBe(OBJECTS['docs/hello.txt']);
    // Its expiry is on the store's clock: shown on this computer's, a 1-hour link still reads "in 1 hour".
    expect(await result.textContent()).toMatch(/\(in (1 hour|59 minutes[^)]*)\)/);
    // Works now; the clock is still off, and the verdict still says so.
    const again = await test(panel);
    expect(again.kind).toBe('works');
    expect(again.text).toMatch(/behind the store’s/);
    await skewed.page.close();
  });
});
