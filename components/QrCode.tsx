import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { create } from 'qrcode';
import { i18n } from '#i18n';
import { aroundElement } from './around-element';

/** Light modules around the code, as the QR standard asks, so phones find its edges. */
const QUIET = 4;

interface QrCodeProps {
  url: string;
  /** ISO time the link stops working: printed under the code. */
  expiresAt: string;
  /** What the link is for, for screen readers ("download link for report.pdf"). */
  label: string;
}

/** The dark modules as one SVG path: one horizontal run per rectangle, so a long link stays a small DOM. */
export function qrPath(url: string): { size: number; d: string } {
  // M keeps the code easy to read when smudged; the longest presigned links only fit at L.
  let code: ReturnType<typeof create>;
  try {
    code = create(url, { errorCorrectionLevel: 'M' });
  } catch {
    code = create(url, { errorCorrectionLevel: 'L' });
  }
  const { size, data } = code.modules;
  const runs: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let start = -1;
    for (let col = 0; col <= size; col += 1) {
      const dark = col < size && data[row * size + col] === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h-${col - start}z`);
        start = -1;
      }
    }
  }
  return { size: size + 2 * QUIET, d: runs.join('') };
}

/** A link as a QR code (SVG drawn from the code's module matrix), with its expiry printed under it. */
export function QrCode({ url, expiresAt, label }: QrCodeProps): JSX.Element {
  const drawn = useMemo(() => {
    try {
      return qrPath(url);
    } catch {
      return undefined;
    }
  }, [url]);
  const expires = new Date(expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const [before, after] = aroundElement((at) => i18n.t('qrCode.expires', { at }));
  if (!drawn)
    return (
      <p class="error" role="alert">
        {i18n.t('qrCode.tooLong', { n: url.length })}
      </p>
    );
  return (
    <figure class="qr">
      <svg
        role="img"
        aria-label={i18n.t('qrCode.label', { label })}
        viewBox={`0 0 ${drawn.size} ${drawn.size}`}
        width="240"
        height="240"
        shape-rendering="crispEdges"
      >
        <rect width={drawn.size} height={drawn.size} fill="#fff" />
        <path d={drawn.d} fill="#000" />
      </svg>
      <figcaption>
        {before}
        <time dateTime={expiresAt}>{expires}</time>
        {after}
      </figcaption>
    </figure>
  );
}
