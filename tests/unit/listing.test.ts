import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breadcrumbs,
  bucketRows,
  filterRows,
  formatModified,
  formatSize,
  parentLocation,
  rowFilter,
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

describe('rowFilter', () => {
  const rows = toRows(
    'docs/',
    ['docs/Archive/'],
    ['Invoice 2026.pdf', 'invoice 2025.pdf', 'café.txt', 'CAFE\u0301 menu.txt', 'notes.txt'].map((name) => ({
      key: `docs/${name}`,
      size: 1,
      lastModified: '',
    })),
  );
  const names = (found: readonly { name: string }[]): string[] => found.map((row) => row.name);

  it('precomputes each name as the filter compares it', () => {
    expect(rows.map((row) => row.match)).toEqual([
      'archive/',
      'invoice 2026.pdf',
      'invoice 2025.pdf',
      'café.txt',
      'café menu.txt',
      'notes.txt',
    ]);
    expect(bucketRows(['My-Bucket'])[0]?.match).toBe('my-bucket');
  });

  it.each([
    ['typing on', ['i', 'in', 'inv', 'invoice 2026']],
    ['deleting back', ['invoice 2026', 'invoice 202', 'invoice', 'i', '']],
    ['replacing the text', ['inv', 'caf', 'café', 'cafe\u0301 m', 'x', 'notes']],
    ['typing in front', ['txt', '.txt', 'é.txt', 'fé.txt']],
    ['a needle that holds an earlier one only once folded', ['CAF', 'Café', 'CAFE\u0301']],
  ])('%s gives what filterRows gives at every step', (_, filters) => {
    const filter = rowFilter();
    for (const text of filters) expect(names(filter(rows, text))).toEqual(names(filterRows(rows, text)));
  });

  it('answers the same array for the same rows and text, and starts over for new rows', () => {
    const filter = rowFilter();
    const first = filter(rows, 'inv');
    expect(filter(rows, 'inv')).toBe(first);
    filter(rows, 'invoice');
    expect(filter(rows, 'inv')).toBe(first);
    const more = rows.concat(
      toRows('docs/', [], [{ key: 'docs/invoice 2024.pdf', size: 1, lastModified: '' }]),
    );
    expect(names(filter(more, 'invoice'))).toEqual(names(filterRows(more, 'invoice')));
    expect(filter(rows, '')).toBe(rows);
  });

  it('agrees with filterRows over any sequence of texts and rows', () => {
    const pool = fc.constantFrom('a', 'A', 'b', 'é', 'e\u0301', ' ', '.', 'ß');
    const text = fc.array(pool, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 40 }),
        fc.array(text, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (names, typed, growRows) => {
          let current = toRows(
            '',
            [],
            names.map((name, i) => ({ key: `${name}#${i}`, size: 0, lastModified: '' })),
          );
          const filter = rowFilter();
          for (const [i, needle] of typed.entries()) {
            if (growRows && i === typed.length >> 1)
              current = current.concat(toRows('', [], [{ key: `${needle}!`, size: 0, lastModified: '' }]));
            expect(filter(current, needle)).toEqual(filterRows(current, needle));
          }
        },
      ),
    );
  });
});

describe('breadcrumbs and parentLocation', () => {
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
    [{ bucket: '', prefix: '' }, undefined],
    [
      { bucket: 'b', prefix: '' },
      { bucket: '', prefix: '' },
    ],
    [
      { bucket: 'b', prefix: 'a/' },
      { bucket: 'b', prefix: '' },
    ],
    [
      { bucket: 'b', prefix: 'a/b/' },
      { bucket: 'b', prefix: 'a/' },
    ],
    [
      { bucket: 'b', prefix: 'a//' },
      { bucket: 'b', prefix: 'a/' },
    ],
  ])('one level up from %j is %j', (location, parent) => {
    expect(parentLocation(location)).toEqual(parent);
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

  it.each(['en-US', 'fr-FR', 'ja-JP', undefined])(
    'reuses its formatters, with the text toLocale…String gives (%s)',
    (locale) => {
      const now = new Date('2026-11-22T15:00:00');
      for (const iso of ['2026-11-22T09:05:00', '2026-01-03T21:05:00']) {
        const date = new Date(iso);
        const expected =
          date.toDateString() === now.toDateString()
            ? date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
            : date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
        expect(formatModified(iso, now, locale)).toBe(expected);
        expect(formatModified(iso, now, locale)).toBe(expected);
      }
    },
  );
});
