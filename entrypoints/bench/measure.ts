// Timing helpers for the benchmark page. performance.now() is coarsened in pages (to 0.1 ms without
// cross-origin isolation), so each sample times a batch long enough to make that coarseness negligible.

/** One operation to time, by name. */
export type Operation = () => Promise<unknown>;

/** Median, minimum and maximum of the samples, and the samples themselves. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median, min and max of samples. */
export function summarize(samples: number[]): Summary {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

/** Milliseconds `op` takes when awaited `count` times in a row. */
async function run(op: Operation, count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await op();
  return performance.now() - start;
}

/** How many calls in a row take about `targetMs` (at least 10). */
async function batchSize(op: Operation, targetMs: number): Promise<number> {
  let count = 10;
  for (;;) {
    const elapsed = await run(op, count);
    if (elapsed >= targetMs / 4 || count >= 1_000_000) {
      return Math.max(10, Math.round((count * targetMs) / Math.max(elapsed, 0.1)));
    }
    count *= 4;
  }
}

/**
 * µs per call of each operation: `rounds` samples each, interleaved (a, b, c, a, b, c, …) so that load from other
 * processes spreads over all of them rather than skewing one; each sample is a batch of about `batchMs`.
 */
export async function compare(
  ops: Record<string, Operation>,
  { rounds, batchMs }: { rounds: number; batchMs: number },
): Promise<Record<string, Summary>> {
  const names = Object.keys(ops);
  const batches: Record<string, number> = {};
  for (const name of names) {
    const op = ops[name] as Operation;
    await run(op, 50); // warm-up: JIT and caches
    batches[name] = await batchSize(op, batchMs);
  }
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const count = batches[name] as number;
      samples[name]?.push(((await run(ops[name] as Operation, count)) * 1000) / count);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name] as number[])]));
}
