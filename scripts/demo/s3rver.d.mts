// Types for scripts/demo/s3rver.mjs.
import type { DemoServer } from './stack.d.mts';

export function startS3rver(): Promise<DemoServer>;
