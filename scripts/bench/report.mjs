// The benchmark's table: one row per figure, medians with their spread, the target and whether it was met,
// printed for people and written as JSON (for comparing runs) and Markdown (for the README).

/**
 * @typedef {{ median: number, min: number, max: number, samples: number[] }} Summary
 * @typedef {{ figure: string, what: string, value: string, spread: string, target: string,
 *   verdict: 'met' | 'MISSED' | '' }} Row
 */

/** @param {number[]} values @returns {Summary} */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const low = sorted[middle - 1] ?? 0;
  const high = sorted[middle] ?? 0;
  const median = sorted.length % 2 === 1 ? high : (low + high) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples: values };
}

/** @param {number} value @param {number} digits */
const fixed = (value, digits) => value.toFixed(digits);

/** @param {Summary} summary @param {number} digits @param {string} unit */
export function median(summary, digits, unit) {
  return `${fixed(summary.median, digits)} ${unit}`;
}

/** @param {Summary} summary @param {number} digits */
export function spread(summary, digits) {
  return `${fixed(summary.min, digits)}–${fixed(summary.max, digits)}`;
}

/** @param {boolean | undefined} met @returns {Row['verdict']} */
export function verdict(met) {
  return met === undefined ? '' : met ? 'met' : 'MISSED';
}

/**
 * A row for a timing: its median and spread, and, when it has a target (`max`, in `unit`), whether it was met.
 * @param {string} what
 * @param {Summary} summary
 * @param {{ figure?: string, unit?: string, digits?: number, max?: number }} [options]
 * @returns {Row}
 */
export function timingRow(what, summary, { figure = '', unit = 'ms', digits = 1, max } = {}) {
  return {
    figure,
    what,
    value: median(summary, digits, unit),
    spread: spread(summary, digits),
    target: max === undefined ? '' : `≤ ${max} ${unit}`,
    verdict: max === undefined ? '' : verdict(summary.median <= max),
  };
}

/**
 * A row for a single value (a size, a count, one run), with its target and whether it was met when it has one.
 * @param {string} what
 * @param {string} value
 * @param {{ figure?: string, target?: string, met?: boolean }} [options]
 * @returns {Row}
 */
export function valueRow(what, value, { figure = '', target = '', met } = {}) {
  return { figure, what, value, spread: '', target, verdict: verdict(met) };
}

const HEADERS = ['#', 'figure', 'median', 'min–max', 'target', ''];

/** @param {Row} row */
const cells = (row) => [row.figure, row.what, row.value, row.spread, row.target, row.verdict];

/**
 * The table as aligned text.
 * @param {Row[]} rows
 */
export function textTable(rows) {
  const lines = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
  const rightAligned = new Set([2, 3]);
  return lines
    .map((line) =>
      line
        .map((cell, column) =>
          rightAligned.has(column)
            ? cell.padStart(/** @type {number} */ (widths[column]))
            : cell.padEnd(/** @type {number} */ (widths[column])),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The table as Markdown, with the machine it ran on.
 * @param {Row[]} rows
 * @param {string} machine
 */
export function markdownTable(rows, machine) {
  const escapeCell = (/** @type {string} */ cell) => cell.replaceAll('|', '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map((_, i) => (i === 2 || i === 3 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${cells(row).map(escapeCell).join(' | ')} |`),
    '',
    `_${machine}_`,
    '',
  ].join('\n');
}
