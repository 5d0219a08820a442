import { useState } from 'preact/hooks';
import type { RowSelection } from '@/utils/browse-selection';

/** What the user did in the folder shown: the filter typed and the row selected. */
export interface BrowseState {
  filter: string;
  selection: RowSelection | undefined;
}

export interface BrowseStateOf extends BrowseState {
  /** A new filter selects the first row again. */
  setFilter(filter: string): void;
  setSelection(selection: RowSelection | undefined): void;
}

const FRESH: BrowseState = { filter: '', selection: undefined };

/**
 * The filter and selected row of one location, held by Browser rather than by BrowseView: an object's options
 * replace BrowseView, and coming back must find the filter and the row as they were. Another location starts
 * afresh (`at` names the location the state belongs to, so no effect has to reset it a render late).
 */
export function useBrowseState(at: string): BrowseStateOf {
  const [state, setState] = useState<BrowseState & { at: string }>({ at, ...FRESH });
  const here = state.at === at ? state : FRESH;
  return {
    filter: here.filter,
    selection: here.selection,
    setFilter: (filter) => setState({ at, filter, selection: undefined }),
    setSelection: (selection) =>
      setState((current) => ({ at, filter: current.at === at ? current.filter : '', selection })),
  };
}
