import { describe, expect, it } from 'vitest';
import { markedObjects, markRange, NOTHING_MARKED, toggleMarked } from '@/utils/bulk-selection';
import { type Row, toRows } from '@/utils/listing';

const rows: Row[] = toRows(
  'd/',
  ['d/sub/'],
  ['a', 'b', 'c', 'e'].map((name, i) => ({ key: `d/${name}`, size: i + 1, lastModified: '' })),
);
// rows: 0 sub/ (folder), 1 a, 2 b, 3 c, 4 e

describe('toggleMarked', () => {
  it('ticks an object, then unticks it; a folder or no row changes nothing', () => {
    const once = toggleMarked(NOTHING_MARKED, rows[2]);
    expect([...once]).toEqual([['d/b', 2]]);
    expect(toggleMarked(once, rows[2]).size).toBe(0);
    expect(toggleMarked(once, rows[0])).toBe(once);
    expect(toggleMarked(once, undefined)).toBe(once);
  });
});

describe('markRange', () => {
  it('ticks every object between the anchor and the row, both ways, skipping folders', () => {
    expect([...markRange(NOTHING_MARKED, rows, 0, 3).keys()]).toEqual(['d/a', 'd/b', 'd/c']);
    expect([...markRange(NOTHING_MARKED, rows, 4, 2).keys()]).toEqual(['d/b', 'd/c', 'd/e']);
  });

  it('unticks the range when the target row was ticked', () => {
    const all = markRange(NOTHING_MARKED, rows, 1, 4);
    expect([...markRange(all, rows, 2, 3).keys()]).toEqual(['d/a', 'd/e']);
  });

  it('ignores a target that is not an object, and an anchor past the end', () => {
    expect(markRange(NOTHING_MARKED, rows, 3, 0)).toBe(NOTHING_MARKED);
    expect([...markRange(NOTHING_MARKED, rows, 99, 4).keys()]).toEqual(['d/e']);
  });
});

it('markedObjects lists key and size in the order ticked', () => {
  const marked = toggleMarked(toggleMarked(NOTHING_MARKED, rows[3]), rows[1]);
  expect(markedObjects(marked)).toEqual([
    { key: 'd/c', size: 3 },
    { key: 'd/a', size: 1 },
  ]);
});
