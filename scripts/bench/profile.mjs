// `npm run bench -- --profile`: where presign()'s time goes. A CPU profile (CDP Profiler, 25 µs sampling) of
// the bench page signing 10,000 links one after another, reduced to self time per function. The build is
// minified, so each function is named by the first characters of its code.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {import('./browser.mjs').Browser} browser
 * @param {import('playwright-core').Page} page  the bench page
 * @param {string} buildDir  where the page's scripts are, to name minified functions
 * @param {import('./signing.mjs').SigningCase} signingCase
 * @returns {Promise<{ name: string, percent: number }[]>} the 15 heaviest, heaviest first
 */
export async function profilePresign(browser, page, buildDir, signingCase) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 25 });
  await cdp.send('Profiler.start');
  await page.evaluate((c) => window.s3pBench?.measureBulk(c, 10_000, 1), signingCase);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();

  /** @type {Map<string, string>} */
  const sources = new Map();
  /** @param {{ functionName: string, url: string, columnNumber: number }} frame */
  const nameOf = (frame) => {
    if (!frame.url.startsWith('chrome-extension://')) return frame.functionName || '(native or idle)';
    const file = new URL(frame.url).pathname;
    if (!sources.has(file)) sources.set(file, readFileSync(join(buildDir, file), 'utf8'));
    const code = /** @type {string} */ (sources.get(file)).slice(frame.columnNumber, frame.columnNumber + 60);
    return `${file.split('/').pop()}: ${code.replace(/\s+/g, ' ')}…`;
  };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<string, number>} */
  const self = new Map();
  let total = 0;
  profile.samples?.forEach((id, index) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas?.[index] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    const name = nameOf(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + delta);
    total += delta;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, time]) => ({ name, percent: (time / total) * 100 }));
}
