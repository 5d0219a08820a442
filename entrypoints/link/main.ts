import { showPendingLink } from './show-link';

// The tab opened when the browser refused the clipboard: it shows the link waiting for it (its id is the hash).
void showPendingLink(document, location.hash);
