// The benchmark's rows, each figure against its target (from the speed issue), and the figures behind them.

import { median, spread, summarize, timingRow, valueRow, verdict } from './report.mjs';
import { popupRowsAndFigures, unmeasuredPopupRows } from './rows-popup.mjs';

export const TARGETS = { floorRatio: 3, bulkMs: 500, warmMs: 30, coldMs: 150, popupKb: 40, backgroundKb: 25 };

/**
 * The rows of the table and the figures behind them. `popup` (figures 4 and 6) is a string saying why they
 * were not measured when they could not be.
 * @param {{ signing: import('./signing.mjs').SigningFigures, bulk: import('./signing.mjs').BulkFigures,
 *   dispatch: Awaited<ReturnType<typeof import('./dispatch.mjs').measureDispatch>>, sizes: ReturnType<typeof import('./sizes.mjs').buildSizes>,
 *   popup: import('./popup-figures.mjs').PopupFigures | string }} m
 */
export function rowsAndFigures({ signing, bulk, dispatch, sizes, popup }) {
  const popupPart =
    typeof popup === 'string' ? { ...unmeasuredPopupRows(popup), figures: {} } : popupRowsAndFigures(popup);
  const per = signing.perLink;
  const floor = /** @type {import('./report.mjs').Summary} */ (per.floor);
  const ours = /** @type {import('./report.mjs').Summary} */ (per.presign);
  // Paired: each round times every variant back to back, so the ratio within a round cancels most of the load
  // other processes put on the machine at that moment; the median is over rounds.
  const ratio = (/** @type {string} */ name) => {
    const samples = /** @type {import('./report.mjs').Summary} */ (per[name]).samples;
    return summarize(samples.map((value, round) => value / (floor.samples[round] ?? Number.NaN))).median;
  };
  /** @type {import('./report.mjs').Row[]} */
  const rows = [];
  const us = (
    /** @type {string} */ name,
    /** @type {string} */ what,
    target = '',
    met = /** @type {boolean | undefined} */ (undefined),
  ) => {
    const summary = /** @type {import('./report.mjs').Summary} */ (per[name]);
    rows.push({
      figure: name === 'presign' ? '1' : '',
      what: name === 'floor' ? what : `${what} (${ratio(name).toFixed(1)}× floor)`,
      value: median(summary, 1, 'µs'),
      spread: spread(summary, 1),
      target,
      verdict: verdict(met),
    });
  };
  us(
    'presign',
    'GET link, presign()',
    `≤ ${TARGETS.floorRatio}× floor`,
    ratio('presign') <= TARGETS.floorRatio,
  );
  us('floor', '  WebCrypto floor: digest + HMAC');
  us('presign, key not cached', '  presign(), signing key derived again');
  us('SDK presigner, reused', '  @smithy/signature-v4 presigner, reused');
  us('SDK presigner, new per link (old presign)', '  SDK presigner, new per link (presign() before)');
  us('SDK getSignedUrl, defaults', '  SDK getSignedUrl, default S3Client');

  const links = `${bulk.count.toLocaleString('en')} links`;
  const bulkMs = { digits: 0, max: TARGETS.bulkMs };
  rows.push(
    timingRow(`${links}, all at once`, bulk.concurrentMs, { figure: '2', ...bulkMs }),
    timingRow(`  ${links}, one after another`, bulk.sequentialMs, bulkMs),
  );

  const warm = summarize(dispatch.warm);
  const cold = summarize(dispatch.cold.map((run) => run.total));
  const coldStart = summarize(dispatch.cold.map((run) => run.start));
  const coldCommand = summarize(dispatch.cold.map((run) => run.command));
  const coldBare = summarize(dispatch.coldNoOffscreen.map((run) => run.total));
  rows.push(
    timingRow('shortcut → clipboard, warm worker', warm, { figure: '3', max: TARGETS.warmMs }),
    timingRow('shortcut → clipboard, worker stopped', cold, { max: TARGETS.coldMs }),
    timingRow('  of which: worker start (script run, event in)', coldStart),
    timingRow('  of which: first command in the fresh worker', coldCommand),
    timingRow('  worker stopped, offscreen document closed too', coldBare, { max: TARGETS.coldMs }),
    valueRow('  first copy after the browser started (1 run)', `${dispatch.firstMs.toFixed(1)} ms`),
  );
  rows.push(...popupPart.rows4);

  const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  rows.push(
    valueRow(
      `popup initial JS, gzip (${sizes.popupInitial.files.length} files)`,
      kb(sizes.popupInitial.gzip),
      {
        figure: '5',
        target: `≤ ${TARGETS.popupKb} KB`,
        met: sizes.popupInitial.gzip <= TARGETS.popupKb * 1024,
      },
    ),
    valueRow(
      `popup lazy chunks (listing), gzip (${sizes.popupLazy.files.length} files)`,
      kb(sizes.popupLazy.gzip),
      {
        target: '—',
      },
    ),
    valueRow('background.js, gzip', kb(sizes.background.gzip), {
      target: `≤ ${TARGETS.backgroundKb} KB`,
      met: sizes.background.gzip <= TARGETS.backgroundKb * 1024,
    }),
  );
  rows.push(...popupPart.rows6);

  return {
    rows,
    figures: {
      signing: {
        unit: 'µs per link',
        perLink: per,
        ratioToFloor: Object.fromEntries(Object.keys(per).map((name) => [name, ratio(name)])),
        target: { presignToFloor: TARGETS.floorRatio },
        ours: ours.median,
      },
      bulk: { ...bulk, target: { ms: TARGETS.bulkMs } },
      dispatch: {
        unit: 'ms',
        warm,
        cold,
        coldStart,
        coldCommand,
        coldNoOffscreen: coldBare,
        firstCopy: dispatch.firstMs,
        runs: { cold: dispatch.cold.map(({ link: _link, ...run }) => run) },
        target: { warm: TARGETS.warmMs, cold: TARGETS.coldMs },
      },
      sizes: {
        ...sizes,
        gzipLevel: 9,
        target: { popupInitialKb: TARGETS.popupKb, backgroundKb: TARGETS.backgroundKb },
      },
      ...popupPart.figures,
    },
  };
}
