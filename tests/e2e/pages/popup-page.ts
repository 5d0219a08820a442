import type { BrowserContext, Locator, Page, Route } from 'playwright-core';

export interface ProfileInput {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint?: string;
  defaultBucket?: string;
}

interface SignOptions {
  method?: 'GET' | 'PUT';
  expiry?: string;
}

/** The toolbar popup, opened as a tab, driven the way a person would: labels, typing, keys, buttons. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  /** Types a profile into the setup form and saves it; the browser (bucket list) opens. */
  async addProfile(profile: ProfileInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a profile' });
    // The popup opens on the setup form (no profile yet) or on the browser; the form loads on first use.
    await form.or(this.filterBox).first().waitFor();
    if (!(await form.isVisible())) {
      await this.page.getByRole('button', { name: 'Profiles' }).click();
      await this.page.getByRole('button', { name: 'Add profile' }).click();
    }
    await this.fillProfile(profile);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await this.filterBox.waitFor();
  }

  /** Types a profile into the setup form without saving. */
  async fillProfile(profile: ProfileInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Profile name').fill(profile.name);
    await form.getByLabel('Access key ID').fill(profile.accessKeyId);
    await form.getByLabel('Secret access key').fill(profile.secretAccessKey);
    if (profile.endpoint) {
      await form
        .getByLabel('Store', { exact: true })
        .selectOption({ label: 'MinIO, Ceph or other S3-compatible' });
      await form.getByLabel(/Custom endpoint/).fill(profile.endpoint);
    }
    await form.getByLabel('Region').fill(profile.region);
    if (profile.defaultBucket) await form.getByLabel(/Default bucket/).fill(profile.defaultBucket);
  }

  get filterBox(): Locator {
    return this.page.getByRole('combobox', { name: /Filter/ });
  }

  get list(): Locator {
    return this.page.getByRole('listbox');
  }

  get status(): Locator {
    return this.page.locator('p.status');
  }

  /** The alert the popup shows for a failure. */
  get alert(): Locator {
    return this.page.getByRole('alert').first();
  }

  /** The browser's own section (breadcrumbs, filter, list), whose alert is a listing's failure. */
  get browse(): Locator {
    return this.page.getByRole('region', { name: 'Browse' });
  }

  get loadMore(): Locator {
    return this.browse.getByRole('button', { name: 'Load more' });
  }

  /** Whether the filter box has the keyboard focus (so arrows, Enter and typing reach it). */
  filterFocused(): Promise<boolean> {
    return this.filterBox.evaluate((element) => element === document.activeElement);
  }

  /** The name of the row selected (aria-selected), and whether the filter's aria-activedescendant points at it. */
  async selected(): Promise<{ name: string | null; described: boolean }> {
    const row = this.list.locator('[role=option][aria-selected=true]');
    if ((await row.count()) === 0) return { name: null, described: false };
    const id = await row.getAttribute('id');
    return {
      name: await row.locator('.name').textContent(),
      described: id !== null && (await this.filterBox.getAttribute('aria-activedescendant')) === id,
    };
  }

  /**
   * Holds the S3 requests `match` picks until the returned function is called (which lets them through and stops
   * holding): what the popup shows while S3 has not answered yet can be checked without racing it.
   */
  async holdRequests(match: (url: URL) => boolean): Promise<() => Promise<void>> {
    let release = (): void => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held: Promise<void>[] = [];
    const handler = (route: Route): Promise<void> => {
      const passed = released.then(() => route.continue());
      held.push(passed);
      return passed;
    };
    await this.page.route(match, handler);
    return async () => {
      release();
      // Stop holding only once the held requests went on: unrouting first would leave them to Playwright.
      await Promise.all(held);
      await this.page.unroute(match, handler);
    };
  }

  /** Makes the S3 requests `match` picks fail as a dropped connection does, until the returned function is called. */
  async failRequests(match: (url: URL) => boolean): Promise<() => Promise<void>> {
    const handler = (route: Route): Promise<void> => route.abort('connectionreset');
    await this.page.route(match, handler);
    return () => this.page.unroute(match, handler);
  }

  /** The row whose name is exactly `name` (its accessible name starts with it, then size, date and Copy). */
  row(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.list.getByRole('option', { name: new RegExp(`^${escaped}( |$)`) });
  }

  /** The names of the rows rendered in the DOM now (only the visible ones, the list is virtualized). */
  renderedNames(): Promise<string[]> {
    return this.list.locator('[role=option] .name').allTextContents();
  }

  async open(name: string): Promise<void> {
    await this.row(name).click();
  }

  async switchProfile(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: name });
  }

  /** Signs a pasted link and returns it. */
  async sign(url: string, options: SignOptions = {}): Promise<string> {
    await this.submit(url, options);
    return this.page.getByRole('textbox', { name: 'Signed link' }).inputValue();
  }

  /** Asks for a link that cannot be signed and returns the message shown instead. */
  async signExpectingError(url: string, options: SignOptions = {}): Promise<string> {
    await this.submit(url, options);
    return this.page
      .getByRole('alert')
      .textContent()
      .then((text) => text ?? '');
  }

  private async submit(url: string, options: SignOptions): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Sign a link' });
    if (!(await form.isVisible())) await this.page.getByRole('button', { name: 'Paste a link' }).click();
    await form.getByLabel(/S3 object/).fill(url);
    if (options.method) await form.getByLabel('Link for').selectOption(options.method);
    if (options.expiry) await form.getByLabel('Expires after').selectOption({ label: options.expiry });
    await form.getByRole('button', { name: 'Sign link' }).click();
  }
}
