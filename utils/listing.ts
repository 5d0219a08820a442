/** One object in a listing, as the popup shows it. */
export interface ObjectEntry {
  key: string;
  size: number;
  /** ISO time. */
  lastModified: string;
}

/** A row of the browser: a folder (common prefix) or an object, with the name shown (the part after the prefix). */
export type Row =
  | { kind: 'bucket'; id: string; name: string }
  | { kind: 'folder'; id: string; prefix: string; name: string }
  | { kind: 'object'; id: string; key: string; name: string; size: number; lastModified: string };

/** Rows for one folder: sub-folders first, then objects, both in S3's (byte) order; the folder's own marker object is left out. */
export function toRows(prefix: string, prefixes: readonly string[], objects: readonly ObjectEntry[]): Row[] {
  const folders: Row[] = prefixes.map((folder) => ({
    kind: 'folder',
    id: `d:${folder}`,
    prefix: folder,
    name: folder.slice(prefix.length),
  }));
  const files: Row[] = objects
    .filter((object) => object.key !== prefix)
    .map((object) => ({
      kind: 'object',
      id: `o:${object.key}`,
      key: object.key,
      name: object.key.slice(prefix.length),
      size: object.size,
      lastModified: object.lastModified,
    }));
  return [...folders, ...files];
}

/** Rows for the bucket list. */
export function bucketRows(buckets: readonly string[]): Row[] {
  return buckets.map((name) => ({ kind: 'bucket', id: `b:${name}`, name }));
}

/** Narrows rows to those whose name holds the filter text, ignoring case and Unicode normalization form. */
export function filterRows(rows: readonly Row[], filter: string): readonly Row[] {
  const needle = filter.normalize('NFC').toLocaleLowerCase();
  if (!needle) return rows;
  return rows.filter((row) => row.name.normalize('NFC').toLocaleLowerCase().includes(needle));
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

/** The folder above: "a/b/" → "a/", "a/" → "", "" → undefined (the bucket's root has none). */
export function parentPrefix(prefix: string): string | undefined {
  if (prefix === '') return undefined;
  const cut = prefix.lastIndexOf('/', prefix.length - 2);
  return cut === -1 ? '' : prefix.slice(0, cut + 1);
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** A size as people read it: 0 bytes, 1 byte, 999 bytes, 1.5 KB, 12 MB (1 KB = 1,024 bytes, as the S3 console). */
export function formatSize(bytes: number): string {
  if (bytes === 1) return '1 byte';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} bytes`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`;
}

/** A modification time, short: the time when it is today, else the date. */
export function formatModified(iso: string, now: Date, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === now.toDateString();
  return sameDay
    ? date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}
