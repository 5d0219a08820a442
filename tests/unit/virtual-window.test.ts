import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveActive, scrollToRow, visibleWindow } from '@/utils/virtual-window';

describe('visibleWindow', () => {
  it('renders the rows in view plus the overscan', () => {
    expect(
      visibleWindow({ scrollTop: 0, viewportHeight: 320, rowHeight: 32, count: 100_000, overscan: 6 }),
    ).toEqual({
      start: 0,
      end: 17,
      offsetTop: 0,
      totalHeight: 3_200_000,
    });
    expect(
      visibleWindow({ scrollTop: 32_000, viewportHeight: 320, rowHeight: 32, count: 100_000, overscan: 6 }),
    ).toMatchObject({ start: 994, end: 1017 });
  });

  it('never renders more than a viewport and the overscan, and always covers the visible rows', () => {
    fc.assert(
      fc.property(fc.nat(200_000), fc.nat(4_000_000), (count, scrollTop) => {
        const view = visibleWindow({ scrollTop, viewportHeight: 320, rowHeight: 32, count, overscan: 6 });
        expect(view.end - view.start).toBeLessThanOrEqual(11 + 12);
        expect(view.start).toBeGreaterThanOrEqual(0);
        expect(view.end).toBeLessThanOrEqual(count);
        const clamped = Math.min(scrollTop, Math.max(0, count * 32 - 320));
        const firstVisible = Math.floor(clamped / 32);
        const lastVisible = Math.min(count, Math.ceil((clamped + 320) / 32));
        if (count > 0) {
          expect(view.start).toBeLessThanOrEqual(firstVisible);
          expect(view.end).toBeGreaterThanOrEqual(lastVisible);
        }
      }),
    );
  });
});

describe('scrollToRow', () => {
  it.each([
    [0, 0, 0],
    [5, 0, 0],
    [10, 0, 32],
    [3, 320, 96],
    [12, 300, 300],
  ])('row %d from scrollTop %d → %d', (index, scrollTop, expected) => {
    expect(scrollToRow(index, scrollTop, 320, 32)).toBe(expected);
  });
});

describe('moveActive', () => {
  it.each([
    ['ArrowDown', 0, 1],
    ['ArrowDown', 9, 9],
    ['ArrowUp', 0, 0],
    ['ArrowUp', 5, 4],
    ['PageDown', 2, 9],
    ['PageUp', 8, 0],
    ['Home', 5, 0],
    ['End', 0, 9],
    ['a', 3, undefined],
  ])('%s from %d → %j', (key, from, to) => {
    expect(moveActive(from, key, 10, 10)).toBe(to);
  });

  it('does nothing in an empty list', () => {
    expect(moveActive(0, 'ArrowDown', 0, 10)).toBeUndefined();
  });
});
