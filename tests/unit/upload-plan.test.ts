import { describe, expect, it } from 'vitest';
import { MAX_OBJECT_BYTES, MAX_PARTS, uploadContentType, uploadKey, uploadPlan } from '@/utils/upload-plan';

const MiB = 1024 ** 2;

describe('uploadPlan', () => {
  it('one PUT up to the threshold (64 MiB)', () => {
    expect(uploadPlan(0)).toEqual({ kind: 'single' });
    expect(uploadPlan(64 * MiB)).toEqual({ kind: 'single' });
  });

  it('above it, parts of 8 MiB covering the file exactly, the last one shorter', () => {
    const plan = uploadPlan(70 * MiB + 5);
    if (plan.kind !== 'multipart') throw new Error('expected multipart');
    expect(plan.partSize).toBe(8 * MiB);
    expect(plan.parts).toHaveLength(9);
    expect(plan.parts[0]).toEqual({ partNumber: 1, start: 0, end: 8 * MiB });
    expect(plan.parts.at(-1)).toEqual({ partNumber: 9, start: 64 * MiB, end: 70 * MiB + 5 });
  });

  it('a 5 TiB file still fits in 10,000 parts (larger parts, whole MiB)', () => {
    const plan = uploadPlan(MAX_OBJECT_BYTES);
    if (plan.kind !== 'multipart') throw new Error('expected multipart');
    expect(plan.parts.length).toBeLessThanOrEqual(MAX_PARTS);
    expect(plan.partSize % MiB).toBe(0);
    expect(plan.parts.at(-1)?.end).toBe(MAX_OBJECT_BYTES);
  });

  it('refuses a file above 5 TiB, saying why', () => {
    expect(() => uploadPlan(MAX_OBJECT_BYTES + 1)).toThrow(/larger than 5 TiB/);
  });

  it('a lower threshold (for callers that want parts sooner) is honoured', () => {
    expect(uploadPlan(10 * MiB, 5 * MiB).kind).toBe('multipart');
  });
});

it('uploadContentType and uploadKey', () => {
  expect(uploadContentType({ type: 'image/png' })).toBe('image/png');
  expect(uploadContentType({ type: '' })).toBe('application/octet-stream');
  expect(uploadKey('a/b/', 'c d.txt')).toBe('a/b/c d.txt');
  expect(uploadKey('', 'x')).toBe('x');
});
