import { i18n } from '#i18n';
import { takePendingLink } from '@/utils/adapters/link-tab';

/** Builds an element with text only (never HTML): the link and messages are data. */
function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The fallback tab: the link the clipboard refused, selected in a box, with a Copy button (a click in a focused
 * tab is a user gesture, which the clipboard accepts). The link is taken out of storage as it is shown: a
 * reload shows it no more.
 */
export async function showPendingLink(doc: Document, hash: string): Promise<void> {
  const pending = await takePendingLink(hash).catch(() => null);
  doc.title = i18n.t('linkPage.title');
  const main = element(doc, 'main');
  if (!pending) {
    main.append(element(doc, 'p', i18n.t('linkPage.none')));
    doc.body.append(main);
    return;
  }
  const box = element(doc, 'textarea');
  box.value = pending.url;
  box.readOnly = true;
  box.rows = 6;
  box.cols = 100;
  box.setAttribute('aria-label', i18n.t('linkPage.label'));
  const button = element(doc, 'button', i18n.t('linkPage.copy'));
  const status = element(doc, 'p');
  status.setAttribute('role', 'status');
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(pending.url).then(
      () => {
        status.textContent = i18n.t('linkPage.copied');
      },
      () => {
        box.select();
        status.textContent = i18n.t('linkPage.refused');
      },
    );
  });
  const lines = pending.message.split('\n').map((line) => element(doc, 'p', line));
  main.append(element(doc, 'h1', pending.title), ...lines, box, button, status);
  doc.body.append(main);
  box.focus();
  box.select();
}
