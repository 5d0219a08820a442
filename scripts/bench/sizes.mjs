// Figure 5: gzip bytes of what the shipped build loads: the popup's initial JS (the module script and the
// modulepreloads popup.html names), the chunks the popup only imports later (the listing), and background.js.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {{ file: string, bytes: number, gzip: number }} FileSize
 * @typedef {{ files: FileSize[], bytes: number, gzip: number }} GroupSize
 */

/**
 * @param {string} dir
 * @param {string} file  relative to dir
 * @returns {FileSize}
 */
function sizeOf(dir, file) {
  const content = readFileSync(join(dir, file));
  return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** @param {FileSize[]} files @returns {GroupSize} */
function group(files) {
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/**
 * The chunks a file imports, statically and dynamically, by path relative to the build folder.
 * @param {string} dir
 * @param {string} file
 */
function importsOf(dir, file) {
  const code = readFileSync(join(dir, file), 'utf8');
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  /** @type {{ static: string[], dynamic: string[] }} */
  const found = { static: [], dynamic: [] };
  const quote = '["\'`]';
  for (const match of code.matchAll(
    new RegExp(`(?:from|import)\\s*${quote}\\./([\\w.-]+\\.js)${quote}`, 'g'),
  )) {
    found.static.push(folder + match[1]);
  }
  for (const match of code.matchAll(new RegExp(`import\\(\\s*${quote}\\./([\\w.-]+\\.js)${quote}`, 'g'))) {
    found.dynamic.push(folder + match[1]);
  }
  return found;
}

/**
 * Sizes of the popup's initial JS, its lazily imported chunks, and the background, in `dir` (a chrome-mv3 build).
 * @param {string} dir
 */
export function buildSizes(dir) {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map(
      (match) => /** @type {string} */ (match[1]),
    ),
  );
  // Anything the initial chunks import statically loads with them, whatever popup.html lists.
  for (const file of [...initial]) for (const dep of importsOf(dir, file).static) initial.add(dep);

  const lazy = new Set();
  const queue = [...initial].flatMap((file) => importsOf(dir, file).dynamic);
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (initial.has(file) || lazy.has(file)) continue;
    lazy.add(file);
    const deps = importsOf(dir, file);
    queue.push(...deps.static, ...deps.dynamic);
  }
  return {
    popupInitial: group([...initial].map((file) => sizeOf(dir, file))),
    popupLazy: group([...lazy].map((file) => sizeOf(dir, file))),
    background: group([sizeOf(dir, 'background.js')]),
  };
}

/** Strings only the AWS SDK client and its XML parsing put in a bundle (minification keeps string literals). */
const SDK_MARKERS = ['DOMParser', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'ListObjectsV2'];

/**
 * The SDK markers found in some files of a build: none expected in the background or the popup's initial JS.
 * @param {string} dir
 * @param {string[]} files
 */
export function sdkMarkersIn(dir, files) {
  const found = new Set();
  for (const file of files) {
    const code = readFileSync(join(dir, file), 'utf8');
    for (const marker of SDK_MARKERS) if (code.includes(marker)) found.add(marker);
  }
  return [...found];
}
