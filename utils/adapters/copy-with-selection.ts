import { PresignError } from '../errors';

/**
 * Copies text through a selected textarea and execCommand: the one way that works in a document that never has
 * focus (the offscreen document), where navigator.clipboard.writeText is refused.
 */
export function copyWithSelection(doc: Document, text: string): true {
  const area = doc.createElement('textarea');
  area.value = text;
  doc.body.append(area);
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  // Not through i18n: this runs in the offscreen document, which has chrome.runtime and no chrome.i18n. The
  // background's writeClipboard says clipboard.failed instead of this message.
  if (!copied) throw new PresignError('clipboard-failed', 'The browser refused to write to the clipboard.');
  return true;
}
