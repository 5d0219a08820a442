// Puts the demo profile into a loaded extension's storage, as if the user had added it in the popup.

/**
 * Writes the profile and opens the popup at the demo bucket. The keys and shapes are those of
 * utils/adapters/storage.ts (WXT keeps each item's version beside it, under "KEY$").
 * @param {import('playwright-core').Worker} worker the extension's service worker
 * @param {import('./stack.d.mts').DemoStack} stack
 */
export async function presetDemoProfile(worker, stack) {
  await worker.evaluate(
    ([profile, bucket]) =>
      chrome.storage.local.set({
        profiles: [profile],
        profiles$: { v: 1 },
        preferences: {
          defaultExpiresIn: 3600,
          lastProfileId: profile.id,
          lastLocation: { [profile.id]: { bucket, prefix: '' } },
        },
        preferences$: { v: 1 },
      }),
    [stack.profile, stack.bucket],
  );
}
