import type { ComponentChildren, JSX } from 'preact';
import { i18n } from '#i18n';
import { useProfiles } from './hooks/use-profiles';
import { Unlock } from './Unlock';

/** Shows the Unlock screen while the vault is locked, else its children (nothing while the state is read). */
export function VaultGate({ children }: { children?: ComponentChildren }): JSX.Element {
  const state = useProfiles();
  if (state?.status === 'locked')
    return (
      <main class="stack">
        <header>
          <h1>{i18n.t('extName')}</h1>
        </header>
        <Unlock profileNames={state.profiles.map((profile) => profile.name)} problem={state.error} />
      </main>
    );
  return <>{children}</>;
}
