import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { type HostTarget, hostPermissionFor } from '../host-pattern';

export type { HostTarget };
export type HostAccess = 'not-needed' | 'granted' | 'refused';

/**
 * The match patterns to ask for so the popup can list with these profiles (none for AWS and loopback): each
 * profile's endpoint host, with its subdomains only when the profile puts buckets in the host name.
 */
export function hostOrigins(targets: readonly (HostTarget | undefined)[]): string[] {
  return [...new Set(targets.map(hostPermissionFor).filter((p) => p !== undefined))];
}

/** The hosts (with the port, as the user wrote them) of the profiles whose endpoint needs a grant, each once. */
export function hostsNeedingAccess(targets: readonly (HostTarget | undefined)[]): string[] {
  return [
    ...new Set(
      targets.flatMap((target) =>
        target?.endpoint && hostPermissionFor(target) ? [new URL(target.endpoint).host] : [],
      ),
    ),
  ];
}

/**
 * Asks the browser, in one prompt, for access to the hosts of custom endpoints (optional_host_permissions), so
 * the popup can list them. Call it from a click handler with NO await before it: Firefox only prompts when
 * `permissions.request` is called synchronously inside the user's input handler (else it throws), and Chrome
 * needs the gesture too. So it calls `request` at once (it answers true without asking when access is already
 * granted) and only then waits. The prompt may close the popup: never make a write wait for the answer.
 */
export function requestHostAccess(targets: readonly (HostTarget | undefined)[]): Promise<HostAccess> {
  const origins = hostOrigins(targets);
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

/** Whether the popup may list with every one of these profiles (true when none needs asking). */
export async function hasHostAccess(targets: readonly (HostTarget | undefined)[]): Promise<boolean> {
  const origins = hostOrigins(targets);
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
export function refusedHostMessage(targets: readonly (HostTarget | undefined)[]): string {
  return i18n.t('hostPermission.refused', { hosts: hostsNeedingAccess(targets).join(', ') });
}
