import { browser } from 'wxt/browser';
import { hostPermissionFor } from '../host-pattern';

export type HostAccess = 'not-needed' | 'granted' | 'refused';

/**
 * Asks the browser for access to a custom endpoint's host (optional_host_permissions), so the popup can list it.
 * Must run inside the click that saves the profile: browsers only show the prompt for a user gesture.
 */
export async function requestHostAccess(endpoint: string | undefined): Promise<HostAccess> {
  const pattern = hostPermissionFor(endpoint);
  if (!pattern) return 'not-needed';
  const origins = [pattern];
  if (await browser.permissions.contains({ origins })) return 'granted';
  try {
    return (await browser.permissions.request({ origins })) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

/** The message for a refused host: signing still works, listing does not. */
export function refusedHostMessage(endpoint: string): string {
  return `The browser did not grant access to ${new URL(endpoint).host}. Links for it can still be signed, but the popup cannot list its buckets: save the profile again and choose Allow, or allow the site in the extension's settings.`;
}
