import { describe, expect, it } from 'vitest';
import { anchorIndex } from '@/components/hooks/browse-state';
import { markRange, NOTHING_MARKED } from '@/utils/bulk-selection';
import type { Row } from '@/utils/listing';

// A Shift range starts at the row ticked last, found by its id in the rows shown now: the filter changes which
// row sits at an index, so an index kept from before would start the range at another object.

const object = (key: string): Row => ({
  kind: 'object',
  id: `o:${key}`,
  key,
  name: key,
  match: key,
  size: 1,
  lastModified: '2026-11-29T12:00:00.000Z',
});
const all = [object('=SUM.txt'), object('a,b.txt'), object('plain.txt')];
// The filter "a" hides "=SUM.txt".
const filtered = [all[1], all[2]] as Row[];

describe('anchorIndex', () => {
  it('finds the anchor row where it is now', () => {
    expect(anchorIndex(all, 'o:plain.txt', 0)).toBe(2);
    expect(anchorIndex(filtered, 'o:plain.txt', 0)).toBe(1);
  });

  it('starts the range at the clicked row when the anchor is not shown (or none was ticked yet)', () => {
    expect(anchorIndex(filtered, 'o:=SUM.txt', 1)).toBe(1);
    expect(anchorIndex(filtered, undefined, 1)).toBe(1);
  });

  it('so Shift on "plain.txt" after ticking the hidden "=SUM.txt" ticks "plain.txt" alone', () => {
    const ticked = new Map([['=SUM.txt', 1]]);
    const next = markRange(ticked, filtered, anchorIndex(filtered, 'o:=SUM.txt', 1), 1);
    expect([...next.keys()]).toEqual(['=SUM.txt', 'plain.txt']);
    expect(markRange(NOTHING_MARKED, filtered, anchorIndex(filtered, 'o:plain.txt', 0), 0).size).toBe(2);
  });
});
