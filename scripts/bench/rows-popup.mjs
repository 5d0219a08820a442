// The rows of figures 4 and 6 (the popup against radosgw), and the figures behind them.

import { summarize, timingRow, valueRow } from './report.mjs';

export const POPUP_TARGETS = { paintMs: 100, domRows: 200, keystrokeMs: 16 };

/** @typedef {import('./report.mjs').Row} Row */

/**
 * Rows saying why figures 4 and 6 were not measured.
 * @param {string} why
 * @returns {{ rows4: Row[], rows6: Row[] }}
 */
export function unmeasuredPopupRows(why) {
  const row = (/** @type {string} */ figure, /** @type {string} */ what) =>
    valueRow(what, 'not measured', { figure, target: why });
  return {
    rows4: [row('4', 'popup open → first useful paint')],
    rows6: [row('6', 'a 100,000-key prefix: first page, DOM rows, keystroke')],
  };
}

/**
 * The rows of figures 4 and 6 and the figures behind them.
 * @param {import('./popup-figures.mjs').PopupFigures} m
 */
export function popupRowsAndFigures({ paint, big, seeding }) {
  const T = POPUP_TARGETS;
  const of = (/** @type {(run: import('./popup-paint.mjs').PaintRun) => number} */ pick) =>
    summarize(paint.runs.map(pick));
  const firstRow = of((run) => run.firstRow);
  const parsed = of((run) => run.domInteractive);
  const loaded = of((run) => run.domContentLoaded);
  const content = of((run) => run.content);
  const rowFrame = of((run) => run.rowFrame);
  const fresh = of((run) => run.fresh);
  const fullFirstRow = summarize(paint.fullCache.runs.map((run) => run.firstRow));
  const n = paint.runs.length;

  const ms = { max: T.paintMs };
  /** @type {Row[]} */
  const rows4 = [
    timingRow(
      `popup open → cached listing in the DOM (${paint.cachedRows.toLocaleString('en')} rows, ${n} opens)`,
      firstRow,
      { figure: '4', ...ms },
    ),
    timingRow('  of which: navigation until popup.html is parsed (domInteractive)', parsed),
    timingRow('  of which: until its initial JS has run (DOMContentLoaded)', loaded),
    timingRow('  of which: until profiles and settings are read (first real render)', content),
    timingRow('  popup open → the frame that paints those rows starts', rowFrame),
    timingRow('  popup open → fresh listing from radosgw in its place', fresh),
    timingRow(
      `  cached listing, cache full (${paint.fullCache.entries} such folders, ${paint.fullCache.runs.length} opens)`,
      fullFirstRow,
      ms,
    ),
  ];

  const firstPage = summarize(big.firstPage);
  const rendered = summarize(big.keys.map((key) => key.rendered));
  const frame = summarize(big.keys.map((key) => key.frame));
  const count = big.loaded.toLocaleString('en');
  const seconds = (/** @type {number} */ value) => `${(value / 1000).toFixed(1)} s`;
  /** @type {Row[]} */
  const rows6 = [
    timingRow(
      `${count}-key prefix: popup open → first rows, no cache (${big.firstPage.length} opens)`,
      firstPage,
      { figure: '6', digits: 0 },
    ),
    valueRow(
      `  paging in all ${count} keys by scrolling (${big.requests} more requests)`,
      seconds(big.pagingMs),
    ),
    valueRow(
      `  [role=option] rows in the DOM while scrolling, most seen (${big.scrollSteps} steps)`,
      String(big.maxRows),
      { target: `≤ ${T.domRows}`, met: big.maxRows <= T.domRows },
    ),
    timingRow(
      `  filter keystroke → list re-rendered, ${count} rows loaded (${big.keys.length} keys)`,
      rendered,
      { max: T.keystrokeMs },
    ),
    timingRow('  filter keystroke → next frame has run', frame),
    valueRow(
      `  seeding radosgw: ${seeding.count.toLocaleString('en')} PUTs, ${seeding.concurrency} at once (1 run)`,
      seconds(seeding.ms),
    ),
  ];

  return {
    rows4,
    rows6,
    figures: {
      popupPaint: {
        unit: 'ms from navigation start',
        firstRow,
        domInteractive: parsed,
        domContentLoaded: loaded,
        content,
        rowFrame,
        fresh,
        cachedRows: paint.cachedRows,
        freshStatus: paint.freshStatus,
        visit: paint.visit,
        fullCache: { entries: paint.fullCache.entries, firstRow: fullFirstRow },
        target: { firstRowMs: T.paintMs },
      },
      bigFolder: {
        unit: 'ms',
        keys: big.loaded,
        firstPage,
        firstStatus: big.firstStatus,
        pagingMs: big.pagingMs,
        requests: big.requests,
        longestTaskWhilePagingMs: big.longestTaskMs,
        maxDomRows: big.maxRows,
        scrollSteps: big.scrollSteps,
        keystroke: { rendered, frame, keys: big.keys.map(({ start: _start, ...key }) => key) },
        seeding: {
          keys: seeding.count,
          ms: seeding.ms,
          perSecond: seeding.perSecond,
          concurrency: seeding.concurrency,
        },
        target: { maxDomRows: T.domRows, keystrokeMs: T.keystrokeMs },
      },
    },
  };
}
