import { browser } from 'wxt/browser';
import { PresignError } from '../errors';
import { sendMessage } from '../messages';

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | undefined;

/** Opens the offscreen document once; concurrent callers share the same creation. */
async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  if (contexts.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url,
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Write the signed link to the clipboard after a right-click or shortcut.',
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/**
 * Puts text on the clipboard from the background. Chrome's service worker has no clipboard, so an offscreen
 * document writes it; Firefox's background page can write it itself.
 */
export async function writeClipboard(text: string): Promise<void> {
  try {
    if (import.meta.env.FIREFOX) {
      await navigator.clipboard.writeText(text);
      return;
    }
    await ensureOffscreenDocument();
    await sendMessage(browser.runtime, 'writeClipboard', { text });
  } catch (error) {
    throw new PresignError(
      'clipboard-failed',
      'The link was signed but could not be put on the clipboard. Open S3 Presign from the toolbar and copy it there.',
      { cause: error },
    );
  }
}
