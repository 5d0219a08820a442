import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import {
  type HostTarget,
  hasHostAccess,
  hostOrigins,
  hostsOf,
  requestHostAccess,
} from '@/utils/adapters/host-permission';

type Access = 'missing' | 'asking' | 'refused';

/**
 * For a profile whose custom endpoint the browser has not let the extension reach: says that listing needs it
 * (signing does not), with a button that asks. What is checked and asked for follows the profile's addressing
 * (the host for path-style, its subdomains too otherwise). Nothing when access is granted or not needed (AWS,
 * loopback). It follows grants and removals made anywhere (the extension's site settings, another page).
 */
export function HostAccessNotice({ profile }: { profile: HostTarget | undefined }): JSX.Element | null {
  const endpoint = profile?.endpoint;
  // Only an explicit false puts buckets in the host name (see hostPermissionFor).
  const forcePathStyle = profile?.forcePathStyle !== false;
  let needed = false;
  try {
    needed = hostOrigins([profile]).length > 0;
  } catch {
    // Not a valid endpoint yet (still being typed): nothing to ask for.
  }
  const [access, setAccess] = useState<Access | undefined>(undefined);
  useEffect(() => {
    setAccess(undefined);
    if (!needed) return;
    let live = true;
    const check = (): void => {
      void hasHostAccess([{ endpoint, forcePathStyle }]).then((granted) => {
        if (live) setAccess((current) => (granted ? undefined : (current ?? 'missing')));
      });
    };
    check();
    browser.permissions.onAdded?.addListener(check);
    browser.permissions.onRemoved?.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded?.removeListener(check);
      browser.permissions.onRemoved?.removeListener(check);
    };
  }, [endpoint, forcePathStyle, needed]);

  if (!needed || !endpoint || access === undefined) return null;
  const host = hostsOf([endpoint]);
  const ask = (): void => {
    // The request is the first thing the click does: Firefox prompts only then.
    const answer = requestHostAccess([{ endpoint, forcePathStyle }]);
    setAccess('asking');
    void answer.then((result) => setAccess(result === 'refused' ? 'refused' : undefined));
  };
  return (
    <p class="warning" role="status">
      {access === 'refused' ? i18n.t('hostAccess.refused', { host }) : i18n.t('hostAccess.needed', { host })}{' '}
      <button type="button" class="link" disabled={access === 'asking'} onClick={ask}>
        {access === 'asking' ? i18n.t('hostAccess.waiting') : i18n.t('hostAccess.allow', { host })}
      </button>
    </p>
  );
}
