// Puts the demo profile into a loaded extension's storage, as if the user had added it in the popup.

/**
 * Writes the profile and opens the popup at the demo bucket, in the shapes of utils/adapters/storage.ts as
 * WXT stores them (each item's version beside it, under "KEY$"): `profiles` v2 holds no secret; the secret key
 * is in `secrets` (by profile id; no passphrase is set, so no vault), both in one write, as vault-store writes them.
 * @param {import('playwright-core').Worker} worker the extension's service worker
 * @param {import('./stack.d.mts').DemoStack} stack
 */
export async function presetDemoProfile(worker, stack) {
  const { secretAccessKey, ...profile } = stack.profile;
  await worker.evaluate(
    ([stored, secret, bucket]) =>
      chrome.storage.local.set({
        profiles: [stored],
        profiles$: { v: 2 },
        secrets: { [stored.id]: { secretAccessKey: secret } },
        secrets$: { v: 1 },
        preferences: {
          defaultExpiresIn: 3600,
          lastProfileId: stored.id,
          lastLocation: { [stored.id]: { bucket, prefix: '' } },
        },
        preferences$: { v: 1 },
      }),
    /** @type {const} */ ([profile, secretAccessKey, stack.bucket]),
  );
}
