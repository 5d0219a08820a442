import { browser } from 'wxt/browser';
import { hostPermissionFor } from '../host-pattern';

export type HostAccess = 'not-needed' | 'granted' | 'refused';

/**
 * Asks the browser, in one prompt, for access to the hosts of custom endpoints (optional_host_permissions), so
 * the popup can list them. Must run inside the click that saves: browsers only prompt for a user gesture.
 */
export async function requestHostAccess(endpoints: readonly (string | undefined)[]): Promise<HostAccess> {
  const origins = [...new Set(endpoints.map(hostPermissionFor).filter((p) => p !== undefined))];
  if (origins.length === 0) return 'not-needed';
  if (await browser.permissions.contains({ origins })) return 'granted';
  try {
    return (await browser.permissions.request({ origins })) ? 'granted' : 'refused';
  } catch {
    return 'refused';
  }
}

/** The message for refused hosts: signing still works, listing does not. */
export function refusedHostMessage(endpoints: readonly string[]): string {
  const hosts = [...new Set(endpoints.map((endpoint) => new URL(endpoint).host))].join(', ');
  return `The browser did not grant access to ${hosts}. Links can still be signed, but the popup cannot list buckets there: save the profile again and choose Allow, or allow the site in the extension's settings.`;
}
