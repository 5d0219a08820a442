import type { ComponentChildren, JSX } from 'preact';

/** A failure in plain words, with what the user can do about it right there. */
export function ErrorNotice({
  message,
  children,
}: {
  message: string;
  children?: ComponentChildren;
}): JSX.Element {
  return (
    <div class="error-box" role="alert">
      <p>{message}</p>
      {children && <div class="actions">{children}</div>}
    </div>
  );
}
