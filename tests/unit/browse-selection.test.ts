import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectedIndex, selectionAt } from '@/utils/browse-selection';
import { toRows } from '@/utils/listing';

const rowsOf = (...names: string[]) =>
  toRows(
    'f/',
    [],
    names.map((name) => ({ key: `f/${name}`, size: 1, lastModified: '' })),
  );
const nameAt = (rows: readonly { name: string }[], index: number): string | undefined => rows[index]?.name;

describe('the selected row', () => {
  it('stays on the same object when the fresh listing replaces the cached one with rows before it', () => {
    const cached = rowsOf('b.txt', 'c.txt', 'd.txt');
    const selection = selectionAt(cached, 1);
    expect(nameAt(cached, selectedIndex(cached, selection))).toBe('c.txt');
    const fresh = rowsOf('a.txt', 'b.txt', 'c.txt', 'd.txt');
    expect(nameAt(fresh, selectedIndex(fresh, selection))).toBe('c.txt');
  });

  it('follows the object into a server search’s rows, where it sits elsewhere', () => {
    const loaded = rowsOf('x-1', 'x-3', 'y-x');
    const selection = selectionAt(loaded, 1);
    const searched = rowsOf('x-0', 'x-1', 'x-2', 'x-3');
    expect(nameAt(searched, selectedIndex(searched, selection))).toBe('x-3');
  });

  it('when its row is gone, stays near where it was and never past the end', () => {
    const before = rowsOf('a', 'b', 'c', 'd', 'e');
    const selection = selectionAt(before, 4);
    expect(selectedIndex(rowsOf('a', 'b'), selection)).toBe(1);
    expect(selectedIndex(rowsOf('a', 'b', 'c', 'd', 'z'), selection)).toBe(4);
  });

  it('is the first row when nothing was selected, and none in an empty list', () => {
    expect(selectedIndex(rowsOf('a', 'b'), undefined)).toBe(0);
    expect(selectedIndex([], selectionAt(rowsOf('a'), 0))).toBe(-1);
    expect(selectionAt([], 3)).toBeUndefined();
  });

  it('selecting clamps to the rows', () => {
    const rows = rowsOf('a', 'b');
    expect(selectionAt(rows, 7)).toEqual({ id: rows[1]?.id, index: 1 });
    expect(selectionAt(rows, -1)).toEqual({ id: rows[0]?.id, index: 0 });
  });

  it('always points at a row that exists, for any rows before and after', () => {
    const names = fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 12 });
    fc.assert(
      fc.property(names, names, fc.nat(20), (before, after, index) => {
        const selection = selectionAt(rowsOf(...before), index);
        const rows = rowsOf(...after);
        const found = selectedIndex(rows, selection);
        if (rows.length === 0) {
          expect(found).toBe(-1);
          return;
        }
        expect(rows[found]).toBeDefined();
        // The same object when it is still there.
        const kept = rows.findIndex((row) => row.id === selection?.id);
        if (kept !== -1) expect(found).toBe(kept);
      }),
    );
  });
});
