import { useState } from 'preact/hooks';
import type { RowSelection } from '@/utils/browse-selection';
import { type Marked, NOTHING_MARKED } from '@/utils/bulk-selection';

/** What the user did in the folder shown: the filter typed, the row selected and the objects ticked. */
export interface BrowseState {
  filter: string;
  selection: RowSelection | undefined;
  /** Objects ticked for bulk links (Space, a checkbox, Shift for a range); kept while the filter changes. */
  marked: Marked;
  /**
   * The id of the row ticked last: where a Shift range starts. An id, not an index: the rows shown change under
   * it with the filter, and an index would start the range at whatever row took its place.
   */
  anchor: string | undefined;
}

export interface BrowseStateOf extends BrowseState {
  /** A new filter selects the first row again. */
  setFilter(filter: string): void;
  setSelection(selection: RowSelection | undefined): void;
  setMarked(marked: Marked, anchor?: string): void;
}

const FRESH: BrowseState = { filter: '', selection: undefined, marked: NOTHING_MARKED, anchor: undefined };

/** Where a Shift range starts in the rows shown now: the anchor row's index, or `to` itself when it is not shown. */
export function anchorIndex(rows: readonly { id: string }[], anchor: string | undefined, to: number): number {
  const at = anchor === undefined ? -1 : rows.findIndex((row) => row.id === anchor);
  return at === -1 ? to : at;
}

/**
 * The filter and selected row of one location, held by Browser rather than by BrowseView: an object's options
 * replace BrowseView, and coming back must find the filter and the row as they were. Another location starts
 * afresh (`at` names the location the state belongs to, so no effect has to reset it a render late).
 */
export function useBrowseState(at: string): BrowseStateOf {
  const [state, setState] = useState<BrowseState & { at: string }>({ at, ...FRESH });
  const here = state.at === at ? state : FRESH;
  const mine = (current: BrowseState & { at: string }): BrowseState => (current.at === at ? current : FRESH);
  return {
    ...here,
    setFilter: (filter) => setState((current) => ({ ...mine(current), at, filter, selection: undefined })),
    setSelection: (selection) => setState((current) => ({ ...mine(current), at, selection })),
    setMarked: (marked, anchor) =>
      setState((current) => {
        const base = mine(current);
        return { ...base, at, marked, anchor: anchor ?? base.anchor };
      }),
  };
}
