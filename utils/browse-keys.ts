import { moveActive } from './virtual-window';

/** The parts of a keydown the browser's filter box acts on. */
export interface BrowseKey {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

/** What a key in the filter box does: select another row, open or copy the selected one, clear the filter. */
export type BrowseKeyAction =
  | { kind: 'move'; index: number }
  | { kind: 'open'; copy: boolean }
  | { kind: 'clear-filter' };

/**
 * True while an input method (Japanese, Chinese, Korean…) is composing: Enter then confirms a conversion and
 * Escape cancels it, arrows pick a candidate; they are the IME's keys, not the list's. Chrome reports some of
 * those keydowns with keyCode 229 and no isComposing, so both are checked.
 */
export function isImeKey(event: Pick<BrowseKey, 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing || event.keyCode === 229;
}

/**
 * The action of a key in the filter box, or undefined for a key that is the text box's own (typing, Home and
 * End move the caret, Escape with no filter goes up a level through useEscapeUp).
 */
export function browseKeyAction(
  event: BrowseKey,
  list: { active: number; count: number; filter: string; pageRows: number },
): BrowseKeyAction | undefined {
  if (isImeKey(event)) return undefined;
  if (event.key === 'Home' || event.key === 'End') return undefined;
  const moved = moveActive(Math.max(0, list.active), event.key, list.count, list.pageRows);
  if (moved !== undefined) return { kind: 'move', index: moved };
  // Enter copies (the popup's one-gesture job); Shift+Enter opens the object's options.
  if (event.key === 'Enter') return { kind: 'open', copy: !event.shiftKey };
  if (event.key === 'Escape' && list.filter) return { kind: 'clear-filter' };
  return undefined;
}
