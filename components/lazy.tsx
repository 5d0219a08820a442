import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use: the popup's first paint carries only browsing, and the setup,
 * import and profile screens (with their parsers and presets) come in when opened.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P): JSX.Element {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      void loading.then((component) => {
        if (live) setComponent(() => component);
      });
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : <div aria-busy="true" />;
  };
}
