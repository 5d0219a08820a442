import { browser } from 'wxt/browser';
import { copyWithSelection } from '@/utils/adapters/copy-with-selection';
import { onMessages } from '@/utils/messages';

// Chrome's offscreen document: the one place a Manifest V3 extension can write the clipboard without a page.
// Offscreen documents get chrome.runtime and nothing else: nothing here may touch storage (no import of
// utils/adapters/storage.ts, whose items read storage as soon as they are defined). The tab that shows a link
// the clipboard refused is its own page, entrypoints/link.
onMessages(browser.runtime, { writeClipboard: ({ text }) => copyWithSelection(document, text) });
