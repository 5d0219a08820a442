// The demo bucket's contents: a few folders, real images, a real PDF, a real (tiny) video, unicode and awkward
// names, and one folder with a few thousand keys (to try the popup's filter and paging on).
import { readFileSync } from 'node:fs';

export const DEMO_BUCKET = 'demo-bucket';
/** The folder with many keys, and how many. */
export const BIG_FOLDER = 'logs/2026-11/';
export const BIG_FOLDER_SIZE = 3000;

/** A minimal one-page PDF that viewers open, with a correct cross-reference table. */
export function demoPdf(title) {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET\nBT /F1 12 Tf 72 690 Td (Opened through a pre-signed link.) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Every sample object but the big folder's, as key → body and content type.
 * @returns {{ key: string, body: Buffer, type: string }[]}
 */
export function demoSamples() {
  const file = (path) => readFileSync(new URL(`../../${path}`, import.meta.url));
  const text = (value) => Buffer.from(value, 'utf8');
  return [
    {
      key: 'invoices/2026/INV-0042 ACME.pdf',
      body: demoPdf('Invoice INV-0042 ACME'),
      type: 'application/pdf',
    },
    { key: 'reports/Q3 report (final).pdf', body: demoPdf('Q3 report'), type: 'application/pdf' },
    { key: 'images/logo.png', body: file('public/icon/128.png'), type: 'image/png' },
    {
      key: 'images/screenshots/popup.png',
      body: file('docs/screenshots/popup-browse.png'),
      type: 'image/png',
    },
    { key: 'videos/review cut+v2.webm', body: file('scripts/demo/samples/clip.webm'), type: 'video/webm' },
    {
      key: 'docs/résumé (final).txt',
      body: text('A file name with accents, spaces and parentheses.\n'),
      type: 'text/plain; charset=utf-8',
    },
    {
      key: 'unicode/日本語 こんにちは.txt',
      body: text('こんにちは、世界\n'),
      type: 'text/plain; charset=utf-8',
    },
    {
      key: 'unicode/party 🎉 plan.txt',
      body: text('An emoji in the key.\n'),
      type: 'text/plain; charset=utf-8',
    },
    { key: 'README.txt', body: text('The S3 Presign demo bucket.\n'), type: 'text/plain; charset=utf-8' },
  ];
}

/** The big folder's key number `index` (1-based), zero-padded so they sort in order. */
export function bigFolderKey(index) {
  return `${BIG_FOLDER}app-${String(index).padStart(4, '0')}.log`;
}
