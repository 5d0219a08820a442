import { describe, expect, it } from 'vitest';
import { type BrowseKey, browseKeyAction, isImeKey } from '@/utils/browse-keys';

const key = (name: string, extra: Partial<BrowseKey> = {}): BrowseKey => ({
  key: name,
  shiftKey: false,
  isComposing: false,
  keyCode: 0,
  ...extra,
});
const list = { active: 2, count: 10, filter: 'inv', pageRows: 10 };

describe('keys in the filter box', () => {
  it.each([
    ['ArrowDown', { kind: 'move', index: 3 }],
    ['ArrowUp', { kind: 'move', index: 1 }],
    ['PageDown', { kind: 'move', index: 9 }],
    ['Enter', { kind: 'open', copy: true }],
    ['Escape', { kind: 'clear-filter' }],
  ])('%s → %j', (name, action) => {
    expect(browseKeyAction(key(name), list)).toEqual(action);
  });

  it('Shift+Enter opens the options instead of copying', () => {
    expect(browseKeyAction(key('Enter', { shiftKey: true }), list)).toEqual({ kind: 'open', copy: false });
  });

  it('leaves to the text box (or to going up a level) Home, End, typing, and Escape with no filter', () => {
    for (const name of ['Home', 'End', 'a', 'Backspace'])
      expect(browseKeyAction(key(name), list)).toBeUndefined();
    expect(browseKeyAction(key('Escape'), { ...list, filter: '' })).toBeUndefined();
  });

  it.each([
    ['isComposing', { isComposing: true }],
    ['keyCode 229', { keyCode: 229 }],
  ])('takes no key while an IME composes (%s): Enter confirms a conversion, it copies nothing', (_, ime) => {
    expect(isImeKey({ isComposing: false, keyCode: 13 })).toBe(false);
    for (const name of ['Enter', 'Escape', 'ArrowDown', 'ArrowUp', 'PageDown']) {
      expect(isImeKey(key(name, ime))).toBe(true);
      expect(browseKeyAction(key(name, ime), list)).toBeUndefined();
    }
  });

  it('moves from the first row when the list has just emptied and filled again', () => {
    expect(browseKeyAction(key('ArrowDown'), { ...list, active: -1 })).toEqual({ kind: 'move', index: 1 });
  });
});
