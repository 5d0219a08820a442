import { browser } from 'wxt/browser';
import { copyWithSelection } from '@/utils/adapters/copy-with-selection';
import { onMessages } from '@/utils/messages';

// Chrome's offscreen document: the one place a Manifest V3 extension can write the clipboard without a page.
onMessages(browser.runtime, { writeClipboard: ({ text }) => copyWithSelection(document, text) });
