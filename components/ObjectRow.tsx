import type { JSX } from 'preact';
import { formatModified, formatSize, type Row } from '@/utils/listing';
import { RowIcon } from './RowIcon';

interface ObjectRowProps {
  row: Row;
  id: string;
  active: boolean;
  top: number;
  now: Date;
  onOpen: () => void;
  onCopy: () => void;
}

/** One row of the browser: name, size and date for objects, and a one-click copy. */
export function ObjectRow({ row, id, active, top, now, onOpen, onCopy }: ObjectRowProps): JSX.Element {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the filter box owns the keyboard (combobox pattern); Enter there acts on the active row.
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      class={`row-item${active ? ' active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onOpen}
      title={row.kind === 'object' ? row.key : undefined}
    >
      <RowIcon kind={row.kind} />
      <span class="name">{row.name}</span>
      {row.kind === 'object' && (
        <>
          <span class="size">{formatSize(row.size)}</span>
          <span class="date">{formatModified(row.lastModified, now)}</span>
          <button
            type="button"
            class="copy"
            tabIndex={-1}
            aria-label={`Copy link to ${row.name}`}
            onClick={(event) => {
              event.stopPropagation();
              onCopy();
            }}
          >
            Copy
          </button>
        </>
      )}
    </div>
  );
}
