import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TestedLink } from '@/utils/adapters/test-link';
import { LinkTest } from './LinkTest';
import { QrCode } from './QrCode';

interface LinkToolsProps {
  link: TestedLink & { expiresAt: string };
  /** Called when the QR code is shown (the popup records the link in the history then). */
  onQrShown?: (() => void) | undefined;
  /** No QR code (an expired link, or one that cannot be copied again). */
  noQr?: boolean | undefined;
  onUseRegion?: ((region: string) => void) | undefined;
  onCorrectClock?: ((offsetMs: number) => void) | undefined;
}

/** What can be done with a link besides copying it: test it, show it as a QR code. Loaded on first use. */
export function LinkTools({
  link,
  onQrShown,
  noQr,
  onUseRegion,
  onCorrectClock,
}: LinkToolsProps): JSX.Element {
  // Belongs to the URL it was opened for: a re-signed link starts with the QR code closed.
  const [qrFor, setQrFor] = useState<string | undefined>(undefined);
  const showing = qrFor === link.url && !noQr;
  return (
    <>
      <div class="link-tools">
        <button
          type="button"
          class="secondary"
          disabled={noQr}
          aria-expanded={showing}
          onClick={() => {
            setQrFor(showing ? undefined : link.url);
            if (!showing) onQrShown?.();
          }}
        >
          {i18n.t('linkTools.qr')}
        </button>
        <LinkTest link={link} onUseRegion={onUseRegion} onCorrectClock={onCorrectClock} />
      </div>
      {showing && (
        <QrCode
          url={link.url}
          expiresAt={link.expiresAt}
          label={
            link.method === 'PUT'
              ? i18n.t('linkTools.qrUpload', { key: link.key })
              : i18n.t('linkTools.qrDownload', { key: link.key })
          }
        />
      )}
    </>
  );
}
