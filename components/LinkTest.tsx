import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TestedLink } from '@/utils/adapters/test-link';
import type { Verdict } from '@/utils/link-verdict';

interface LinkTestProps {
  link: TestedLink;
  /** Offered on a wrong-region verdict that names the region: remember it for the bucket and sign again. */
  onUseRegion?: ((region: string) => void) | undefined;
  /** Offered on clock skew: sign again with this computer's time moved by the offset (ms). */
  onCorrectClock?: ((offsetMs: number) => void) | undefined;
}

/** "Test" for a link: requests it (never uploads) and says in plain words whether it works, and if not, why. */
export function LinkTest({ link, onUseRegion, onCorrectClock }: LinkTestProps): JSX.Element {
  // The verdict belongs to the URL it was about: a re-signed link starts untested.
  const [result, setResult] = useState<{ url: string; verdict?: Verdict } | undefined>(undefined);
  const current = result?.url === link.url ? result : undefined;

  const test = async (): Promise<void> => {
    const { url } = link;
    setResult({ url });
    try {
      // Loaded on first use: the popup's first paint does not carry the tester.
      const { testLink } = await import('@/utils/adapters/test-link');
      setResult({ url, verdict: await testLink(link) });
    } catch {
      setResult({
        url,
        verdict: {
          kind: 'other',
          ok: false,
          text: i18n.t('linkTest.failed'),
        },
      });
    }
  };

  const verdict = current?.verdict;
  return (
    <div class="link-test">
      <button
        type="button"
        class="secondary"
        onClick={() => void test()}
        disabled={current !== undefined && !verdict}
      >
        {current && !verdict ? i18n.t('linkTest.testing') : i18n.t('linkTest.test')}
      </button>
      <div
        role="status"
        class={verdict ? `verdict ${verdict.ok ? 'verdict-ok' : 'verdict-bad'}` : 'verdict'}
        data-kind={verdict?.kind}
      >
        {verdict && <p>{verdict.text}</p>}
        {verdict?.kind === 'wrong-region' && verdict.region && onUseRegion && (
          <button type="button" onClick={() => onUseRegion(verdict.region as string)}>
            {i18n.t('linkTest.useRegion', { region: verdict.region })}
          </button>
        )}
        {verdict?.offsetMs !== undefined && onCorrectClock && (
          <button type="button" onClick={() => onCorrectClock(verdict.offsetMs as number)}>
            {i18n.t('linkTest.fixClock')}
          </button>
        )}
      </div>
    </div>
  );
}
