import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Chrome's clipboard path for fakeBrowser: runtime messages (the offscreen document's `writeClipboard`) go to
 * `sendMessage`, and `chrome.runtime.getContexts` reports the offscreen document open unless `isOpen` says not.
 */
export function stubOffscreenClipboard(
  sendMessage: unknown,
  options: { isOpen?: () => boolean; createDocument?: unknown } = {},
): void {
  fakeBrowser.runtime.sendMessage = sendMessage as never;
  vi.stubGlobal('chrome', {
    runtime: {
      getContexts: async () => ((options.isOpen?.() ?? true) ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
    },
    offscreen: { createDocument: options.createDocument ?? vi.fn(), Reason: { CLIPBOARD: 'CLIPBOARD' } },
  });
}
