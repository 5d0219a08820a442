import { useLayoutEffect, useRef } from 'preact/hooks';
import { isImeKey } from '@/utils/browse-keys';

interface CloseWatcherLike {
  onclose: (() => void) | null;
  destroy(): void;
}
type CloseWatcherClass = new () => CloseWatcherLike;

/**
 * Escape goes up one level (an object's options → its folder → the parent folder → the bucket list), wherever
 * the focus is. In Chrome's toolbar popup an unhandled Escape closes the popup; a CloseWatcher takes that close
 * request instead (a keydown preventDefault only keeps it from a text field). `level` names where the user is:
 * each level gets its own watcher, since one is spent by the Escape it handles. With no `onUp` (the top level),
 * Escape is left alone and closes the popup as usual.
 */
export function useEscapeUp(level: string, onUp: (() => void) | undefined): void {
  const latest = useRef(onUp);
  latest.current = onUp;
  const canGoUp = onUp !== undefined;
  // A layout effect, so the level's watcher exists as soon as the level is on screen: a plain effect waits for
  // the next frame, and an Escape pressed before it (a quick second Escape) would find no watcher and close the
  // popup.
  useLayoutEffect(() => {
    if (!canGoUp) return;
    const Watcher = (globalThis as { CloseWatcher?: CloseWatcherClass }).CloseWatcher;
    if (Watcher) {
      const watcher = new Watcher();
      watcher.onclose = () => latest.current?.();
      return () => watcher.destroy();
    }
    // Browsers without CloseWatcher: the Escape key itself, unless a field already used it (the filter clearing)
    // or an input method did (Escape cancels a conversion being composed).
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented || isImeKey(event)) return;
      event.preventDefault();
      latest.current?.();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [level, canGoUp]);
}
