import { i18n } from '#i18n';
/** One object in a listing, as the popup shows it. */
export interface ObjectEntry {
  key: string;
  size: number;
  /** ISO time. */
  lastModified: string;
}

/**
 * A row of the browser: a folder (common prefix) or an object, with the name shown (the part after the prefix).
 * `match` is the name as the filter compares it (NFC, lowercased), computed once when the row is made: a
 * keystroke over 100,000 rows then only searches strings, instead of normalizing and lowercasing every name.
 */
export type Row =
  | { kind: 'bucket'; id: string; name: string; match: string }
  | { kind: 'folder'; id: string; prefix: string; name: string; match: string }
  | {
      kind: 'object';
      id: string;
      key: string;
      name: string;
      match: string;
      size: number;
      lastModified: string;
    };

/** Text folded the way the filter compares it: Unicode NFC, then lowercased. */
export function foldForFilter(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase();
}

/** Rows for one folder: sub-folders first, then objects, both in S3's (byte) order; the folder's own marker object is left out. */
export function toRows(prefix: string, prefixes: readonly string[], objects: readonly ObjectEntry[]): Row[] {
  const rows: Row[] = [];
  for (const folder of prefixes) {
    const name = folder.slice(prefix.length);
    rows.push({ kind: 'folder', id: `d:${folder}`, prefix: folder, name, match: foldForFilter(name) });
  }
  for (const object of objects) {
    if (object.key === prefix) continue;
    const name = object.key.slice(prefix.length);
    rows.push({
      kind: 'object',
      id: `o:${object.key}`,
      key: object.key,
      name,
      match: foldForFilter(name),
      size: object.size,
      lastModified: object.lastModified,
    });
  }
  return rows;
}

/** Rows for the bucket list. */
export function bucketRows(buckets: readonly string[]): Row[] {
  return buckets.map((name) => ({ kind: 'bucket', id: `b:${name}`, name, match: foldForFilter(name) }));
}

/** Narrows rows to those whose name holds the filter text, ignoring case and Unicode normalization form. */
export function filterRows(rows: readonly Row[], filter: string): readonly Row[] {
  const needle = foldForFilter(filter);
  if (!needle) return rows;
  return rows.filter((row) => row.match.includes(needle));
}

/** filterRows with a memory, for a filter box: the same answers, faster as the user types and deletes. */
export type RowFilter = (rows: readonly Row[], filter: string) => readonly Row[];

/**
 * A RowFilter that keeps its answers for the needles typed in a row over the same rows. A name that holds a
 * needle holds every part of it, so typing on narrows the previous matches instead of searching all the rows
 * again, and deleting back returns an answer already found; new rows start it over.
 */
export function rowFilter(): RowFilter {
  let source: readonly Row[] | undefined;
  // Each needle here holds the one before it, so each answer is a subset of the one before.
  let chain: { needle: string; rows: readonly Row[] }[] = [];
  return (rows, filter) => {
    const needle = foldForFilter(filter);
    if (!needle) return rows;
    if (rows !== source) {
      source = rows;
      chain = [];
    }
    for (let top = chain.at(-1); top && !needle.includes(top.needle); top = chain.at(-1)) chain.pop();
    const last = chain.at(-1);
    if (last?.needle === needle) return last.rows;
    const matched = (last?.rows ?? rows).filter((row) => row.match.includes(needle));
    chain.push({ needle, rows: matched });
    return matched;
  };
}

/** The crumbs of a prefix: "a/b/" → a (a/), b (a/b/). Empty segments ("a//b") are kept, shown as "/". */
export function breadcrumbs(prefix: string): { label: string; prefix: string }[] {
  const crumbs: { label: string; prefix: string }[] = [];
  let start = 0;
  for (let slash = prefix.indexOf('/'); slash !== -1; slash = prefix.indexOf('/', start)) {
    crumbs.push({ label: prefix.slice(start, slash) || '/', prefix: prefix.slice(0, slash + 1) });
    start = slash + 1;
  }
  return crumbs;
}

/**
 * One level up: "b" at "a/b/" → "a/", "a/" → the bucket's root, its root → the bucket list; the bucket list has
 * none (undefined).
 */
export function parentLocation(location: {
  bucket: string;
  prefix: string;
}): { bucket: string; prefix: string } | undefined {
  const { bucket, prefix } = location;
  if (bucket === '') return undefined;
  if (prefix === '') return { bucket: '', prefix: '' };
  const cut = prefix.lastIndexOf('/', prefix.length - 2);
  return { bucket, prefix: cut === -1 ? '' : prefix.slice(0, cut + 1) };
}

// Under 1 KB the size is a count of bytes, in words (listing.bytes); above, the units' symbols.
const UNITS = ['', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** A size as people read it: 0 bytes, 1 byte, 999 bytes, 1.5 KB, 12 MB (1 KB = 1,024 bytes, as the S3 console). */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return i18n.t('listing.bytes', bytes, { n: bytes });
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

// toLocale…String with options builds a new Intl formatter on every call (~0.1 ms): a list re-rendering its
// rows on each keystroke or scroll step would spend milliseconds there. Same options, so the same text.
const dateFormats = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function dateFormatsFor(locale: string | undefined): {
  time: Intl.DateTimeFormat;
  date: Intl.DateTimeFormat;
} {
  const key = locale ?? '';
  let formats = dateFormats.get(key);
  if (!formats) {
    formats = {
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      date: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }),
    };
    dateFormats.set(key, formats);
  }
  return formats;
}

/** A modification time, short: the time when it is today, else the date. */
export function formatModified(iso: string, now: Date, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === now.toDateString();
  const formats = dateFormatsFor(locale);
  return sameDay ? formats.time.format(date) : formats.date.format(date);
}
