import { useLayoutEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

type Item<T> = WxtStorageItem<T, Record<string, unknown>>;

// Reads started before the first render (preloadStored), each used once by the first hook that asks.
const early = new Map<Item<unknown>, Promise<unknown>>();

/** Starts reading items now, before the UI renders, so its first real render does not wait a round trip more. */
export function preloadStored(...items: Item<unknown>[]): void {
  for (const item of items) early.set(item, item.getValue());
}

/** A stored item's value, kept current when any page or the background changes it; undefined while loading. */
export function useStored<T>(item: Item<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // A layout effect runs right after the render, not a frame later: the value arrives as soon as storage answers.
  useLayoutEffect(() => {
    let live = true;
    const started = early.get(item as Item<unknown>) as Promise<T> | undefined;
    early.delete(item as Item<unknown>);
    void (started ?? item.getValue()).then((stored) => {
      if (live) setValue(stored);
    });
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
