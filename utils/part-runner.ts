import { i18n } from '#i18n';
import { PresignError } from './errors';
import type { PartRange } from './upload-plan';

// Runs the parts of a multipart upload a few at a time. A part that fails for a passing reason (a dropped
// connection, a 5xx) is retried alone after a pause; the first part that fails for good stops the others, and
// the run rejects only once every part in flight has settled, so the caller's AbortMultipartUpload never races
// a part still being uploaded.

/** Tries per part: the first one and two retries. */
export const PART_ATTEMPTS = 3;

export interface PartRunOptions<R> {
  parts: readonly PartRange[];
  /** Parts in flight at once. */
  concurrency: number;
  /** Uploads one part; must stop (reject) when `signal` aborts. */
  uploadPart: (part: PartRange, signal: AbortSignal) => Promise<R>;
  /** The user's cancel. */
  signal?: AbortSignal | undefined;
  attempts?: number;
  /** Pause before retry `attempt` (1, 2, …). */
  backoffMs?: (attempt: number) => number;
  /** Whether a failure may pass on a retry. */
  retryable?: (error: unknown) => boolean;
}

/** Whether an upload error may pass on a retry: a network failure or a 5xx, never a refusal or a cancel. */
export function isPassingFailure(error: unknown): boolean {
  if (!(error instanceof PresignError)) return false;
  if (error.code === 'network') return true;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 500;
}

/** 1 s, then 3 s: enough for a store's brief overload, short enough to stay with the user. */
export function defaultBackoff(attempt: number): number {
  return attempt === 1 ? 1_000 : 3_000;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

const cancelled = (): PresignError => new PresignError('cancelled', i18n.t('uploadCore.cancelled'));

/**
 * Uploads every part, retrying passing failures; resolves with each part's result by part number. On the first
 * lasting failure (or the user's cancel) it stops the other parts and rejects after all of them have settled.
 */
export async function runParts<R>(options: PartRunOptions<R>): Promise<Map<number, R>> {
  const attempts = options.attempts ?? PART_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultBackoff;
  const retryable = options.retryable ?? isPassingFailure;
  const stop = new AbortController();
  const onCancel = (): void => stop.abort();
  if (options.signal?.aborted) throw cancelled();
  options.signal?.addEventListener('abort', onCancel, { once: true });

  const results = new Map<number, R>();
  let failure: unknown;
  let next = 0;
  const uploadWithRetries = async (part: PartRange): Promise<R> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.uploadPart(part, stop.signal);
      } catch (error) {
        if (stop.signal.aborted || attempt >= attempts || !retryable(error)) throw error;
        await pause(backoff(attempt), stop.signal);
        if (stop.signal.aborted) throw error;
      }
    }
  };
  const worker = async (): Promise<void> => {
    while (next < options.parts.length && !stop.signal.aborted) {
      const part = options.parts[next++] as PartRange;
      try {
        results.set(part.partNumber, await uploadWithRetries(part));
      } catch (error) {
        // The first lasting failure is the one to show; the others are its consequence (aborted parts).
        if (failure === undefined && !stop.signal.aborted) failure = error;
        stop.abort();
      }
    }
  };
  try {
    const workers = Array.from({ length: Math.min(options.concurrency, options.parts.length) }, worker);
    await Promise.allSettled(workers);
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
  if (options.signal?.aborted) throw cancelled();
  if (failure !== undefined) throw failure;
  if (stop.signal.aborted || results.size !== options.parts.length) throw cancelled();
  return results;
}
