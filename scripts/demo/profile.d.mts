// Types for scripts/demo/profile.mjs.
import type { Worker } from 'playwright-core';
import type { DemoStack } from './stack.d.mts';

/** Writes the demo profile into the extension's storage and opens the popup at the demo bucket. */
export function presetDemoProfile(worker: Worker, stack: DemoStack): Promise<void>;
