import type { BulkObject } from './bulk-links';
import type { Row } from './listing';

// The objects ticked in the browser for bulk links: by key (rows are replaced under them by a fresh listing or
// a filter), with each one's size for the CSV.

/** Ticked objects, key → size, in the order they were ticked. */
export type Marked = ReadonlyMap<string, number>;

export const NOTHING_MARKED: Marked = new Map();

/** Ticks the row's object, or unticks it when it was ticked; folders and buckets are left as they are. */
export function toggleMarked(marked: Marked, row: Row | undefined): Marked {
  if (row?.kind !== 'object') return marked;
  const next = new Map(marked);
  if (next.has(row.key)) next.delete(row.key);
  else next.set(row.key, row.size);
  return next;
}

/**
 * Shift+click or Shift+Space: every object from the anchor (the row ticked last) to `to`, ticked or unticked as
 * the row at `to` becomes, as file managers do.
 */
export function markRange(marked: Marked, rows: readonly Row[], anchor: number, to: number): Marked {
  const target = rows[to];
  if (target?.kind !== 'object') return marked;
  const on = !marked.has(target.key);
  const next = new Map(marked);
  const [from, end] = anchor <= to ? [anchor, to] : [to, anchor];
  for (let i = Math.max(0, from); i <= Math.min(end, rows.length - 1); i++) {
    const row = rows[i];
    if (row?.kind !== 'object') continue;
    if (on) next.set(row.key, row.size);
    else next.delete(row.key);
  }
  return next;
}

/** The ticked objects, for signing. */
export function markedObjects(marked: Marked): BulkObject[] {
  return [...marked].map(([key, size]) => ({ key, size }));
}
