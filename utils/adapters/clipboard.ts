import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { isPresignError, PresignError } from '../errors';
import { sendMessage } from '../messages';

const OFFSCREEN_PATH = '/offscreen.html';
// One opening at a time, shared by every caller: two clicks racing must not both call createDocument (the
// second would fail, "Only a single offscreen document may be created").
let opening: Promise<void> | undefined;

async function hasOffscreenDocument(url: string): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

async function openOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  // It outlives the service worker: after a cold start it is usually still there.
  if (await hasOffscreenDocument(url)) return;
  try {
    await chrome.offscreen.createDocument({
      url,
      reasons: [chrome.offscreen.Reason.CLIPBOARD],
      justification: 'Write the signed link to the clipboard after a right-click or shortcut.',
    });
  } catch (error) {
    // A worker stopped mid-creation may have left one being created: that one will do.
    if (!(await hasOffscreenDocument(url))) throw error;
  }
}

/** Opens the offscreen document once and reuses it; concurrent callers share the same opening. */
export function ensureOffscreenDocument(): Promise<void> {
  opening ??= openOffscreenDocument().finally(() => {
    opening = undefined;
  });
  return opening;
}

async function writeThroughOffscreen(text: string): Promise<void> {
  await ensureOffscreenDocument();
  try {
    await sendMessage(browser.runtime, 'writeClipboard', { text });
  } catch (error) {
    if (isPresignError(error, 'clipboard-failed')) throw error;
    // No answer: a document created a moment ago may not be listening yet. One more try.
    await new Promise((done) => setTimeout(done, 200));
    await sendMessage(browser.runtime, 'writeClipboard', { text });
  }
}

/**
 * Puts text on the clipboard from the background. Chrome's service worker has no clipboard, so an offscreen
 * document writes it; Firefox's background page can write it itself.
 */
export async function writeClipboard(text: string): Promise<void> {
  try {
    if (import.meta.env.FIREFOX) await navigator.clipboard.writeText(text);
    else await writeThroughOffscreen(text);
  } catch (error) {
    throw new PresignError('clipboard-failed', i18n.t('clipboard.failed'), { cause: error });
  }
}
