import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Marked } from '@/utils/bulk-selection';
import type { Row } from '@/utils/listing';
import { scrollToRow, visibleWindow } from '@/utils/virtual-window';
import { ObjectRow } from './ObjectRow';

export const ROW_HEIGHT = 32;
const VIEWPORT_HEIGHT = 320;

interface ObjectListProps {
  id: string;
  rows: readonly Row[];
  active: number;
  label: string;
  /** Ticked objects; undefined in the bucket list, where nothing can be ticked. */
  marked: Marked | undefined;
  onOpen: (index: number) => void;
  onToggle: (index: number, range: boolean) => void;
  onCopy: (index: number) => void;
  /** Called when the user nears the end of the loaded rows (to load the next page). */
  onNearEnd: () => void;
}

/** Row element ids, so the filter box can point screen readers at the active row. */
export function rowId(listId: string, index: number): string {
  return `${listId}-${index}`;
}

/** A list that renders only the rows in view, so 100,000 keys scroll as smoothly as 10. */
export function ObjectList({
  id,
  rows,
  active,
  label,
  marked,
  onOpen,
  onToggle,
  onCopy,
  onNearEnd,
}: ObjectListProps): JSX.Element {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const now = new Date();
  const view = visibleWindow({
    scrollTop,
    viewportHeight: VIEWPORT_HEIGHT,
    rowHeight: ROW_HEIGHT,
    count: rows.length,
  });

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const target = scrollToRow(active, element.scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT);
    if (target !== element.scrollTop) element.scrollTop = target;
  }, [active]);

  useEffect(() => {
    if (view.end >= rows.length - 20) onNearEnd();
  }, [view.end, rows.length, onNearEnd]);

  return (
    <div
      ref={viewport}
      id={id}
      class="list"
      role="listbox"
      aria-label={label}
      style={{ height: `${Math.min(VIEWPORT_HEIGHT, Math.max(rows.length, 1) * ROW_HEIGHT)}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div class="list-spacer" style={{ height: `${view.totalHeight}px` }}>
        {rows.slice(view.start, view.end).map((row, offset) => {
          const index = view.start + offset;
          return (
            <ObjectRow
              key={row.id}
              id={rowId(id, index)}
              row={row}
              active={index === active}
              marked={marked && row.kind === 'object' ? marked.has(row.key) : undefined}
              top={index * ROW_HEIGHT}
              now={now}
              onOpen={() => onOpen(index)}
              onCopy={() => onCopy(index)}
              onToggle={(range) => onToggle(index, range)}
            />
          );
        })}
      </div>
    </div>
  );
}
