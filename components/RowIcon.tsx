import type { JSX } from 'preact';

// Drawn, not emoji: emoji fonts are missing on many Linux desktops and render as empty boxes.
const PATHS = {
  bucket: 'M3 4h10l-1.2 9.2a1 1 0 0 1-1 .8H5.2a1 1 0 0 1-1-.8L3 4zm-.5-1.5h11',
  folder: 'M1.5 4.5a1 1 0 0 1 1-1h3.3l1.4 1.5h6.3a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z',
  object: 'M4 1.5h5.5L12.5 4.5v9a1 1 0 0 1-1 1h-7.5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zm5.5 0v3h3',
} as const;

/** The small icon in front of a row: bucket, folder or file. */
export function RowIcon({ kind }: { kind: keyof typeof PATHS }): JSX.Element {
  return (
    <svg class="icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[kind]} fill="none" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" />
    </svg>
  );
}
