import type { JSX } from 'preact';
import { i18n } from '#i18n';
import { formatModified, formatSize, type Row } from '@/utils/listing';
import { RowIcon } from './RowIcon';

interface ObjectRowProps {
  row: Row;
  id: string;
  active: boolean;
  /** Ticked for bulk links; undefined where rows cannot be ticked (the bucket list, folders). */
  marked: boolean | undefined;
  top: number;
  now: Date;
  onOpen: () => void;
  onCopy: () => void;
  /** Ticks or unticks the row; `range` (Shift) ticks every object from the last one ticked. */
  onToggle: (range: boolean) => void;
}

/** One row of the browser: name, size and date for objects, a box to tick it for bulk links, a one-click copy. */
export function ObjectRow({
  row,
  id,
  active,
  marked,
  top,
  now,
  onOpen,
  onCopy,
  onToggle,
}: ObjectRowProps): JSX.Element {
  const tickable = row.kind === 'object' && marked !== undefined;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the filter box owns the keyboard (combobox pattern); Enter there acts on the active row, Space ticks it.
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      aria-checked={tickable ? marked : undefined}
      class={`row-item${active ? ' active' : ''}${marked ? ' marked' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => {
        // Shift or Ctrl/Cmd + click ticks, as in a file manager; a plain click opens.
        if (tickable && (event.shiftKey || event.ctrlKey || event.metaKey)) onToggle(event.shiftKey);
        else onOpen();
      }}
      title={row.kind === 'object' ? row.key : undefined}
    >
      {tickable && (
        // The option's aria-checked carries the state for screen readers, and Space in the filter ticks it:
        // the box is for the mouse only, so it stays out of the accessible name and the tab order.
        <input
          type="checkbox"
          class="tick"
          tabIndex={-1}
          aria-hidden="true"
          checked={marked}
          onClick={(event) => {
            event.stopPropagation();
            onToggle(event.shiftKey);
          }}
        />
      )}
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
            aria-label={i18n.t('objectRow.copyLabel', { name: row.name })}
            onClick={(event) => {
              event.stopPropagation();
              onCopy();
            }}
          >
            {i18n.t('objectRow.copy')}
          </button>
        </>
      )}
    </div>
  );
}
