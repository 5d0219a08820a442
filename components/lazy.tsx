import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ErrorNotice } from './ErrorNotice';

/**
 * A component whose code loads on first use: the popup's first paint carries only browsing, and the setup,
 * import and profile screens (with their parsers and presets) come in when opened. A load that fails (the
 * extension was updated or reloaded under an open popup, so its old files are gone) says so, with a retry.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // Not kept: the next attempt loads again.
        loading = undefined;
        throw error;
      },
    ));
  return function Lazy(props: P): JSX.Element {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (Component) return;
      let live = true;
      start().then(
        (component) => {
          if (live) setComponent(() => component);
        },
        () => {
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [Component, attempt]);
    if (Component) return <Component {...props} />;
    if (failed) {
      return (
        <ErrorNotice message={i18n.t('lazy.failed')}>
          <button
            type="button"
            onClick={() => {
              setFailed(false);
              setAttempt((count) => count + 1);
            }}
          >
            {i18n.t('lazy.retry')}
          </button>
        </ErrorNotice>
      );
    }
    return <div aria-busy="true" />;
  };
}
