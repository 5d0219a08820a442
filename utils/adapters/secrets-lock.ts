// Every read-then-write of the profiles, the secrets and the vault runs under one lock shared by every
// extension page and the service worker (Web Locks are per origin), so two pages saving at once never write
// over each other's changes, nor leave plain keys next to the vault. The lock is not reentrant: code under it
// reads storage directly, never through an item with migrations (profilesItem's migration takes the lock).

/** The lock's name: one for the whole extension. */
export const SECRETS_LOCK = 's3p-secrets';

type Locks = { request<T>(name: string, run: () => Promise<T>): Promise<T> };

// Where Web Locks are missing (Node under vitest, which has no navigator.locks), one queue for this context:
// the same order without the cross-page reach. Browsers that run the extension all have navigator.locks.
let queue: Promise<unknown> = Promise.resolve();
const inProcess: Locks = {
  request<T>(_name: string, run: () => Promise<T>): Promise<T> {
    const done = queue.then(run, run);
    queue = done.catch(() => undefined);
    return done;
  },
};

function locks(): Locks {
  const web = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  return web ?? inProcess;
}

/** Runs `run` alone: no other page or the worker is inside its own secrets step meanwhile. */
export function withSecretsLock<T>(run: () => Promise<T>): Promise<T> {
  return locks().request(SECRETS_LOCK, run);
}
