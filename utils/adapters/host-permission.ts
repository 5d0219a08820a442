import { browser } from 'wxt/browser';
import { hostPermissionFor } from '../host-pattern';

export type HostAccess = 'not-needed' | 'granted' | 'refused';

/** The match patterns to ask for so the popup can list these endpoints (none for AWS and loopback). */
export function hostOrigins(endpoints: readonly (string | undefined)[]): string[] {
  return [...new Set(endpoints.map(hostPermissionFor).filter((p) => p !== undefined))];
}

/**
 * Asks the browser, in one prompt, for access to the hosts of custom endpoints (optional_host_permissions), so
 * the popup can list them. Call it from a click handler with NO await before it: Firefox only prompts when
 * `permissions.request` is called synchronously inside the user's input handler (else it throws), and Chrome
 * needs the gesture too. So it calls `request` at once (it answers true without asking when access is already
 * granted) and only then waits. The prompt may close the popup: never make a write wait for the answer.
 */
export function requestHostAccess(endpoints: readonly (string | undefined)[]): Promise<HostAccess> {
  const origins = hostOrigins(endpoints);
  if (origins.length === 0) return Promise.resolve('not-needed');
  try {
    return browser.permissions.request({ origins }).then(
      (granted): HostAccess => (granted ? 'granted' : 'refused'),
      (): HostAccess => 'refused',
    );
  } catch {
    return Promise.resolve('refused');
  }
}

/** Whether the popup may reach every one of these endpoints (true when none needs asking). */
export async function hasHostAccess(endpoints: readonly (string | undefined)[]): Promise<boolean> {
  const origins = hostOrigins(endpoints);
  if (origins.length === 0) return true;
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/** The hosts of endpoints, as the user wrote them (with the port), for messages. */
export function hostsOf(endpoints: readonly string[]): string {
  return [...new Set(endpoints.map((endpoint) => new URL(endpoint).host))].join(', ');
}

/** The message for refused hosts: signing still works, listing does not, and where to ask again. */
export function refusedHostMessage(endpoints: readonly string[]): string {
  return `The browser did not grant access to ${hostsOf(endpoints)}. The profile is saved and links can still be signed, but the popup cannot list buckets there: open Profiles and choose “Allow access”, or allow the site in the extension's settings.`;
}
