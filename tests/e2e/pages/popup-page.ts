import type { BrowserContext, Page } from 'playwright-core';

export interface ProfileInput {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint?: string;
}

interface SignOptions {
  method?: 'GET' | 'PUT';
  expiry?: string;
}

/** The toolbar popup, opened as a tab, driven the way a person would: labels, typing, buttons. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  async addProfile(profile: ProfileInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a profile' });
    await form.getByLabel('Profile name').fill(profile.name);
    await form.getByLabel('Access key ID').fill(profile.accessKeyId);
    await form.getByLabel('Secret access key').fill(profile.secretAccessKey);
    await form.getByLabel('Region').fill(profile.region);
    if (profile.endpoint) await form.getByLabel(/Custom endpoint/).fill(profile.endpoint);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await this.page.getByRole('form', { name: 'Sign a link' }).waitFor();
  }

  /** Signs a link and returns it. */
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
    await form.getByLabel(/S3 object/).fill(url);
    if (options.method) await form.getByLabel('Link for').selectOption(options.method);
    if (options.expiry) await form.getByLabel('Expires after').selectOption({ label: options.expiry });
    await form.getByRole('button', { name: 'Sign link' }).click();
  }
}
