import { describe, expect, it } from 'vitest';
import { RefusedUpload } from '@/utils/adapters/upload';
import { PresignError } from '@/utils/errors';
import { isPassingFailure, runParts } from '@/utils/part-runner';
import { type PartRange, uploadPlan } from '@/utils/upload-plan';

// The parts of a multipart upload: retried alone on a passing failure, and on a lasting one the others are
// stopped and have all settled before the run rejects (so AbortMultipartUpload never races a part in flight).

const parts = (count: number): PartRange[] =>
  Array.from({ length: count }, (_, i) => ({ partNumber: i + 1, start: i * 10, end: i * 10 + 10 }));
const networkError = (): PresignError => new PresignError('network', 'The upload did not reach S3.');
const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A part upload that takes `ms` and stops (rejects as cancelled) when its signal aborts. */
function slow<R>(ms: number, value: R, signal: AbortSignal, log: string[], name: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      log.push(`${name} done`);
      resolve(value);
    }, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      // An XHR's abort event comes a moment after abort() is called.
      setTimeout(() => {
        log.push(`${name} stopped`);
        reject(new PresignError('cancelled', 'The upload was cancelled.'));
      }, 5);
    });
  });
}

describe('runParts', () => {
  it('retries a part that failed for a passing reason, alone, and puts the results by part number', async () => {
    const calls: number[] = [];
    const results = await runParts({
      parts: parts(4),
      concurrency: 2,
      backoffMs: () => 0,
      uploadPart: async (part) => {
        calls.push(part.partNumber);
        await tick();
        if (part.partNumber === 3 && calls.filter((n) => n === 3).length === 1) throw networkError();
        return `etag-${part.partNumber}`;
      },
    });
    expect([...results.entries()].sort()).toEqual([
      [1, 'etag-1'],
      [2, 'etag-2'],
      [3, 'etag-3'],
      [4, 'etag-4'],
    ]);
    expect(calls.sort()).toEqual([1, 2, 3, 3, 4]);
  });

  it('retries a 5xx at most 3 times in all, then gives its error', async () => {
    let tries = 0;
    const run = runParts({
      parts: parts(1),
      concurrency: 3,
      backoffMs: () => 0,
      uploadPart: async () => {
        tries++;
        throw new RefusedUpload(503, 'SlowDown');
      },
    });
    await expect(run).rejects.toThrow(/SlowDown \(HTTP 503\)/);
    expect(tries).toBe(3);
  });

  it('does not retry a refusal', async () => {
    let tries = 0;
    const run = runParts({
      parts: parts(2),
      concurrency: 1,
      backoffMs: () => 0,
      uploadPart: async () => {
        tries++;
        throw new RefusedUpload(403, 'AccessDenied');
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'access-denied' });
    expect(tries).toBe(1);
  });

  it('on a lasting failure stops the other parts and rejects only after all of them settled', async () => {
    const log: string[] = [];
    const run = runParts({
      parts: parts(5),
      concurrency: 3,
      backoffMs: () => 0,
      uploadPart: (part, signal) => {
        if (part.partNumber === 2)
          return tick(10).then(() => {
            log.push('2 refused');
            throw new RefusedUpload(403, 'AccessDenied');
          });
        return slow(200, 'x', signal, log, String(part.partNumber));
      },
    }).catch((error: unknown) => {
      log.push('rejected');
      throw error;
    });
    await expect(run).rejects.toMatchObject({ code: 'access-denied' });
    // Parts 1 and 3 were in flight: both stopped before the run rejected; parts 4 and 5 never started.
    expect(log).toEqual(['2 refused', '1 stopped', '3 stopped', 'rejected']);
  });

  it('the user’s cancel stops every part and rejects as cancelled after they settled', async () => {
    const log: string[] = [];
    const cancel = new AbortController();
    const run = runParts({
      parts: parts(3),
      concurrency: 3,
      signal: cancel.signal,
      uploadPart: (part, signal) => slow(500, 'x', signal, log, String(part.partNumber)),
    }).catch((error: unknown) => {
      log.push('rejected');
      throw error;
    });
    await tick(5);
    cancel.abort();
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(log.at(-1)).toBe('rejected');
    expect(log.filter((line) => line.endsWith('stopped'))).toHaveLength(3);
  });

  it('runs a real plan’s parts, each once', async () => {
    const plan = uploadPlan(100 * 1024 ** 2);
    if (plan.kind !== 'multipart') throw new Error('expected a multipart plan');
    const results = await runParts({
      parts: plan.parts,
      concurrency: 3,
      uploadPart: async (part) => part.end - part.start,
    });
    expect([...results.values()].reduce((a, b) => a + b, 0)).toBe(100 * 1024 ** 2);
  });
});

describe('isPassingFailure', () => {
  it.each([
    ['a dropped connection', networkError(), true],
    ['503 SlowDown', new RefusedUpload(503, 'SlowDown'), true],
    ['500 without a code', new RefusedUpload(500, undefined), true],
    ['403 AccessDenied', new RefusedUpload(403, 'AccessDenied'), false],
    ['a cancel', new PresignError('cancelled', 'The upload was cancelled.'), false],
    ['a missing ETag', new PresignError('s3-error', 'no ETag'), false],
    ['anything else', new Error('x'), false],
  ])('%s → %s', (_name, error, passing) => {
    expect(isPassingFailure(error)).toBe(passing);
  });
});
