import { i18n } from '#i18n';

/**
 * What the settings page says when the browser refuses a write: the browser's own reason ("QUOTA_BYTES quota
 * exceeded"), not the error's class name. Only settings without secrets are saved through it.
 */
export function saveFailedMessage(caught: unknown): string {
  const reason =
    caught instanceof Error ? caught.message || caught.name : typeof caught === 'string' ? caught : '';
  return i18n.t('defaults.saveFailed', { reason: reason.replace(/\.$/, '') || 'no reason given' });
}
