// Types for scripts/chromium.mjs (plain JavaScript so that Node runs it without a build step).
import type { BrowserContext, Page, Worker } from 'playwright-core';

export const CHROMIUM_PATH: string;

/** One line saying how to get Chromium, or null when it is there. */
export function chromiumMissing(): string | null;

export interface LaunchOptions {
  /** Default true; a window needs a display. */
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** null: the window's own size. */
  viewport?: { width: number; height: number } | null;
  /**
   * Default true: Playwright closes the browser and exits on SIGINT/SIGTERM/SIGHUP. false: the caller handles
   * those signals and calls close() itself (the demo does, so the profile folder is removed too).
   */
  handleSignals?: boolean;
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** The current service worker: a new one after Chrome restarts it. */
  worker(): Worker;
  /** The extension's id. */
  id: string;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

export function launchWithExtension(extensionDir: string, options?: LaunchOptions): Promise<LaunchedChromium>;

export interface ClipboardPage {
  page: Page;
  /** The system clipboard's text. */
  read(): Promise<string>;
  close(): Promise<void>;
}

export function openClipboardPage(context: BrowserContext): Promise<ClipboardPage>;
