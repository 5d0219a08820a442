import type { JSX } from 'preact';

/** The status line read out after a copy (what was copied, or why it was not); nothing before one. */
export function CopyStatus(props: { text: string | undefined }): JSX.Element | null {
  return props.text ? (
    <p class="status" role="status">
      {props.text}
    </p>
  ) : null;
}
