import { i18n } from '#i18n';
import { isPresignError } from '@/utils/errors';

/** What to show for a failed vault action: our own words only (anything else could carry anything). */
export function vaultErrorText(error: unknown, doing: string): string {
  if (isPresignError(error)) return error.message;
  return i18n.t('vaultError.refused', { doing });
}
