// The rows of figures 4 and 6 (the popup against radosgw), and the figures behind them.

import { median, spread, summarize, verdict } from './report.mjs';

export const POPUP_TARGETS = { paintMs: 100, domRows: 200, keystrokeMs: 16 };

/** @typedef {import('./report.mjs').Row} Row */

/**
 * Rows saying why figures 4 and 6 were not measured.
 * @param {string} why
 * @returns {{ rows4: Row[], rows6: Row[] }}
 */
export function unmeasuredPopupRows(why) {
  const row = (/** @type {string} */ figure, /** @type {string} */ what) => ({
    figure,
    what,
    value: 'not measured',
    spread: '',
    target: why,
    verdict: /** @type {const} */ (''),
  });
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

  /** @type {Row[]} */
  const rows4 = [
    {
      figure: '4',
      what: `popup open → cached listing in the DOM (${paint.cachedRows.toLocaleString('en')} rows, ${n} opens)`,
      value: median(firstRow, 1, 'ms'),
      spread: spread(firstRow, 1),
      target: `≤ ${T.paintMs} ms`,
      verdict: verdict(firstRow.median <= T.paintMs),
    },
    {
      figure: '',
      what: '  of which: navigation until popup.html is parsed (domInteractive)',
      value: median(parsed, 1, 'ms'),
      spread: spread(parsed, 1),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: '  of which: until its initial JS has run (DOMContentLoaded)',
      value: median(loaded, 1, 'ms'),
      spread: spread(loaded, 1),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: '  of which: until profiles and settings are read (first real render)',
      value: median(content, 1, 'ms'),
      spread: spread(content, 1),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: '  popup open → the frame that paints those rows starts',
      value: median(rowFrame, 1, 'ms'),
      spread: spread(rowFrame, 1),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: '  popup open → fresh listing from radosgw in its place',
      value: median(fresh, 1, 'ms'),
      spread: spread(fresh, 1),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: `  cached listing, cache full (${paint.fullCache.entries} such folders, ${paint.fullCache.runs.length} opens)`,
      value: median(fullFirstRow, 1, 'ms'),
      spread: spread(fullFirstRow, 1),
      target: `≤ ${T.paintMs} ms`,
      verdict: verdict(fullFirstRow.median <= T.paintMs),
    },
  ];

  const firstPage = summarize(big.firstPage);
  const rendered = summarize(big.keys.map((key) => key.rendered));
  const frame = summarize(big.keys.map((key) => key.frame));
  const count = big.loaded.toLocaleString('en');
  /** @type {Row[]} */
  const rows6 = [
    {
      figure: '6',
      what: `${count}-key prefix: popup open → first rows, no cache (${big.firstPage.length} opens)`,
      value: median(firstPage, 0, 'ms'),
      spread: spread(firstPage, 0),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: `  paging in all ${count} keys by scrolling (${big.requests} more requests)`,
      value: `${(big.pagingMs / 1000).toFixed(1)} s`,
      spread: '',
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: `  [role=option] rows in the DOM while scrolling, most seen (${big.scrollSteps} steps)`,
      value: String(big.maxRows),
      spread: '',
      target: `≤ ${T.domRows}`,
      verdict: verdict(big.maxRows <= T.domRows),
    },
    {
      figure: '',
      what: `  filter keystroke → list re-rendered, ${count} rows loaded (${big.keys.length} keys)`,
      value: median(rendered, 1, 'ms'),
      spread: spread(rendered, 1),
      target: `≤ ${T.keystrokeMs} ms`,
      verdict: verdict(rendered.median <= T.keystrokeMs),
    },
    {
      figure: '',
      what: '  filter keystroke → next frame has run',
      value: median(frame, 1, 'ms'),
      spread: spread(frame, 1),
      target: '',
      verdict: '',
    },
    {
      figure: '',
      what: `  seeding radosgw: ${seeding.count.toLocaleString('en')} PUTs, ${seeding.concurrency} at once (1 run)`,
      value: `${(seeding.ms / 1000).toFixed(1)} s`,
      spread: '',
      target: '',
      verdict: '',
    },
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
