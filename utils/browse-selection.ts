/**
 * The row the user selected in the browser, by id: rows are replaced under it (the fresh listing after the
 * cached one, a server search, a shorter list after a refresh), and an index would then point at another
 * object, or past the end. `index` is where it was, to stay near there when the row itself is gone.
 */
export interface RowSelection {
  id: string;
  index: number;
}

/** The selection of the row at `index` (clamped to the rows); undefined when there are none. */
export function selectionAt(rows: readonly { id: string }[], index: number): RowSelection | undefined {
  const at = Math.max(0, Math.min(index, rows.length - 1));
  const row = rows[at];
  return row ? { id: row.id, index: at } : undefined;
}

/**
 * The index of the selected row in these rows: where its id is now, else (the row is gone) the nearest row to
 * where it was; the first row when nothing was selected; -1 when there are no rows.
 */
export function selectedIndex(rows: readonly { id: string }[], selection: RowSelection | undefined): number {
  if (rows.length === 0) return -1;
  if (!selection) return 0;
  // Most renders find the row where it was: only a change of rows pays for the search.
  if (rows[selection.index]?.id === selection.id) return selection.index;
  const found = rows.findIndex((row) => row.id === selection.id);
  return found !== -1 ? found : Math.min(selection.index, rows.length - 1);
}
