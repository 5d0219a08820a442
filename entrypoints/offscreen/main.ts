import { browser } from 'wxt/browser';
import { copyWithSelection } from '@/utils/adapters/copy-with-selection';
import { SHOW_LINK_HASH } from '@/utils/adapters/link-tab';
import { onMessages } from '@/utils/messages';
import { showPendingLink } from './show-link';

// Two uses of one page. As Chrome's offscreen document: the one place a Manifest V3 extension can write the
// clipboard without a page. Opened as a tab (#show): the fallback that shows a link the clipboard refused.
if (location.hash === SHOW_LINK_HASH) {
  void showPendingLink(document);
} else {
  onMessages(browser.runtime, { writeClipboard: ({ text }) => copyWithSelection(document, text) });
}
