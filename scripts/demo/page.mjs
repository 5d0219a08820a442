// The demo's loopback page: one link per sample, to right-click (the menu signs S3 links on any page).
import { BIG_FOLDER, BIG_FOLDER_SIZE, bigFolderKey, demoSamples } from './samples.mjs';

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * @param {{ bucket: string, objectUrl: (key: string) => string, verifiesSignatures: boolean }} options
 * @returns {string}
 */
export function demoPage({ bucket, objectUrl, verifiesSignatures }) {
  const link = (key) => `<li><a href="${escapeHtml(objectUrl(key))}">${escapeHtml(key)}</a></li>`;
  const keys = [...demoSamples().map((sample) => sample.key), bigFolderKey(1), bigFolderKey(BIG_FOLDER_SIZE)];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<title>S3 Presign demo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:32px auto;padding:0 16px}code{font-size:90%}</style>
</head><body>
<h1>S3 Presign demo</h1>
<p>These links point at <code>${escapeHtml(bucket)}</code> on the local S3 server. ${
    verifiesSignatures
      ? 'Opened as they are, they fail (the bucket is private).'
      : 'This server (s3rver) checks no signature, so they open even unsigned; on a real S3 store they fail (the bucket is private).'
  } Right-click one, choose <b>Copy pre-signed link</b> and an expiry, then paste the link into the address bar: it
opens.</p>
<ul>${keys.map(link).join('')}</ul>
<p><code>${escapeHtml(BIG_FOLDER)}</code> holds ${BIG_FOLDER_SIZE} keys: open it in the popup and type in the filter.</p>
<p>Open one of these links in a tab${verifiesSignatures ? ' (it shows an error page)' : ''} and press <kbd>Alt+Shift+L</kbd>: the shortcut copies a
signed link to that object.</p>
${
  verifiesSignatures
    ? '<p>The server is Ceph radosgw: it checks every signature, so a changed or expired link gets 403.</p>'
    : '<p><b>The server is s3rver, which does not check signatures</b>: a changed or expired link still works here.</p>'
}
</body></html>`;
}
