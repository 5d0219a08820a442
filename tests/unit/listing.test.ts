import { describe, expect, it } from 'vitest';
import {
  breadcrumbs,
  bucketRows,
  filterRows,
  formatModified,
  formatSize,
  parentPrefix,
  toRows,
} from '@/utils/listing';

const objects = [
  { key: 'docs/', size: 0, lastModified: '2026-11-01T10:00:00Z' },
  { key: 'docs/Invoice 2026.pdf', size: 2048, lastModified: '2026-11-01T10:00:00Z' },
  { key: 'docs/café.txt', size: 1, lastModified: '2026-11-01T10:00:00Z' },
];

describe('toRows', () => {
  it('puts folders first, names relative to the folder, and leaves out the folder marker', () => {
    const rows = toRows('docs/', ['docs/2025/'], objects);
    expect(rows.map((row) => [row.kind, row.name])).toEqual([
      ['folder', '2025/'],
      ['object', 'Invoice 2026.pdf'],
      ['object', 'café.txt'],
    ]);
    expect(rows[1]).toMatchObject({ key: 'docs/Invoice 2026.pdf', size: 2048 });
  });

  it('gives every row a distinct id even when a folder and an object share a name', () => {
    const rows = toRows(
      '',
      ['a/'],
      [
        { key: 'a/', size: 0, lastModified: '' },
        { key: 'a', size: 1, lastModified: '' },
      ],
    );
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('makes bucket rows', () => {
    expect(bucketRows(['one', 'two']).map((row) => row.name)).toEqual(['one', 'two']);
  });
});

describe('filterRows', () => {
  const rows = toRows('docs/', [], objects);
  it.each([
    ['invoice', ['Invoice 2026.pdf']],
    ['INVOICE', ['Invoice 2026.pdf']],
    ['2026', ['Invoice 2026.pdf']],
    ['cafe\u0301', ['café.txt']],
    ['', ['Invoice 2026.pdf', 'café.txt']],
    ['zzz', []],
  ])('“%s” keeps %j', (filter, names) => {
    expect(filterRows(rows, filter).map((row) => row.name)).toEqual(names);
  });
});

describe('breadcrumbs and parentPrefix', () => {
  it.each([
    ['', []],
    ['a/', [['a', 'a/']]],
    [
      'a/b c/',
      [
        ['a', 'a/'],
        ['b c', 'a/b c/'],
      ],
    ],
    [
      'a//b/',
      [
        ['a', 'a/'],
        ['/', 'a//'],
        ['b', 'a//b/'],
      ],
    ],
  ])('%j → %j', (prefix, crumbs) => {
    expect(breadcrumbs(prefix).map((crumb) => [crumb.label, crumb.prefix])).toEqual(crumbs);
  });

  it.each([
    ['', undefined],
    ['a/', ''],
    ['a/b/', 'a/'],
    ['a//', 'a/'],
  ])('parent of %j is %j', (prefix, parent) => {
    expect(parentPrefix(prefix)).toBe(parent);
  });
});

describe('formatSize and formatModified', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1536, '1.5 KB'],
    [12 * 1024 * 1024, '12 MB'],
    [5 * 1024 ** 4, '5.0 TB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });

  it('shows the time for today and the date otherwise; nothing for a bad date', () => {
    const now = new Date('2026-11-22T15:00:00');
    expect(formatModified('2026-11-22T09:05:00', now, 'en-GB')).toBe('09:05');
    expect(formatModified('2026-01-03T09:05:00', now, 'en-GB')).toBe('3 Jan 2026');
    expect(formatModified('not a date', now)).toBe('');
  });
});
