import type { JSX } from 'preact';
import { i18n } from '#i18n';

/** A message the user has read and can put away (e.g. that the browser did not grant a host). */
export function DismissibleNotice({ text, onDismiss }: { text: string; onDismiss: () => void }): JSX.Element {
  return (
    <div class="warning dismissible" role="alert">
      <p>{text}</p>
      <button type="button" class="link" onClick={onDismiss}>
        {i18n.t('dismissible.dismiss')}
      </button>
    </div>
  );
}
