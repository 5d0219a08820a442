import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { shownError } from '@/components/hooks/use-listing';
import { hasHostAccess, hostOrigins, hostsOf, requestHostAccess } from '@/utils/adapters/host-permission';
import type { Profile } from '@/utils/profile';

type Result = { ok: true; text: string } | { ok: false; text: string };

function summary(buckets: readonly string[], via: 'list-buckets' | 'head-bucket', note?: string): string {
  const names = buckets.slice(0, 3).join(', ') + (buckets.length > 3 ? ', …' : '');
  const found =
    via === 'head-bucket'
      ? `Connected: the keys reach bucket ${names}.`
      : `Connected: ${buckets.length} bucket${buckets.length === 1 ? '' : 's'}${names ? ` (${names})` : ''}.`;
  return note ? `${found} ${note}` : found;
}

type Access = 'missing' | 'asking' | 'refused';

/**
 * For a custom endpoint the browser has not let the extension reach: says that listing needs it (signing does
 * not), with a button that asks. Nothing when access is granted or not needed (AWS, loopback). It follows
 * grants and removals made anywhere (the extension's site settings, another page).
 */
export function HostAccessNotice({ endpoint }: { endpoint: string | undefined }): JSX.Element | null {
  let needed = false;
  try {
    needed = hostOrigins([endpoint]).length > 0;
  } catch {
    // Not a valid endpoint yet (still being typed): nothing to ask for.
  }
  const [access, setAccess] = useState<Access | undefined>(undefined);
  useEffect(() => {
    setAccess(undefined);
    if (!needed) return;
    let live = true;
    const check = (): void => {
      void hasHostAccess([endpoint]).then((granted) => {
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
  }, [endpoint, needed]);

  if (!needed || !endpoint || access === undefined) return null;
  const host = hostsOf([endpoint]);
  const ask = (): void => {
    // The request is the first thing the click does: Firefox prompts only then.
    const answer = requestHostAccess([endpoint]);
    setAccess('asking');
    void answer.then((result) => setAccess(result === 'refused' ? 'refused' : undefined));
  };
  return (
    <p class="warning" role="status">
      {access === 'refused'
        ? `The browser did not grant access to ${host}. `
        : `To list buckets at ${host}, the browser must allow this extension to reach it. `}
      Links are signed without it.{' '}
      <button type="button" class="link" disabled={access === 'asking'} onClick={ask}>
        {access === 'asking' ? 'Waiting for the browser…' : `Allow access to ${host}`}
      </button>
    </p>
  );
}

/** "Test connection": lists buckets (or heads the default bucket) and says what works or what is wrong. */
export function ConnectionTest({ profile }: { profile: Profile | undefined }): JSX.Element {
  const [result, setResult] = useState<Result | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (): Promise<void> => {
    if (!profile) return;
    setBusy(true);
    setResult(undefined);
    try {
      const { testConnection } = await import('@/utils/adapters/test-connection');
      const report = await testConnection(profile, new Date());
      setResult(
        report.ok
          ? { ok: true, text: summary(report.buckets, report.via, report.note) }
          : { ok: false, text: shownError(report.error).message },
      );
    } catch (error) {
      setResult({ ok: false, text: shownError(error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="connection-test">
      <HostAccessNotice endpoint={profile?.endpoint} />
      <button type="button" class="secondary" disabled={busy || !profile} onClick={() => void run()}>
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      {result && (
        <p class={result.ok ? 'notice' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </div>
  );
}
