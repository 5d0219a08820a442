import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { shownError } from '@/components/hooks/use-listing';
import type { Profile } from '@/utils/profile';
import { HostAccessNotice } from './HostAccessNotice';

type Result = { ok: true; text: string } | { ok: false; text: string };

function summary(buckets: readonly string[], via: 'list-buckets' | 'head-bucket', note?: string): string {
  const names = buckets.slice(0, 3).join(', ') + (buckets.length > 3 ? ', …' : '');
  const found =
    via === 'head-bucket'
      ? i18n.t('connTest.reaches', { names })
      : names
        ? i18n.t('connTest.buckets', buckets.length, { n: buckets.length, names })
        : i18n.t('connTest.noBuckets');
  return note ? `${found} ${note}` : found;
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
      <HostAccessNotice profile={profile} />
      <button type="button" class="secondary" disabled={busy || !profile} onClick={() => void run()}>
        {busy ? i18n.t('connTest.testing') : i18n.t('connTest.test')}
      </button>
      {result && (
        <p class={result.ok ? 'notice' : 'error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
    </div>
  );
}
