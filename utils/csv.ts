// CSV as RFC 4180 writes it, for the bulk links export (key, size, url, expires).

/**
 * Characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula when it
 * starts with one: "=", "+", "-", "@", and tab / carriage return, which some of them skip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  /**
   * Put a ' before a text cell that starts like a formula, so a key such as `=HYPERLINK(…)` opened in a
   * spreadsheet shows as text instead of running (OWASP's CSV injection advice). Numbers are never touched.
   * Default true; turn it off for a file that only programs will read, where the ' would change the key.
   */
  guardFormulas?: boolean;
}

/** One field: quoted when it holds a comma, a quote or a line break (quotes doubled), else as it is. */
export function csvField(value: string | number, options: CsvOptions = {}): string {
  if (typeof value === 'number') return String(value);
  const text = (options.guardFormulas ?? true) && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, the line break RFC 4180 names; the last row ends with one too. */
export function toCsv(rows: readonly (readonly (string | number)[])[], options: CsvOptions = {}): string {
  let out = '';
  for (const row of rows) out += `${row.map((value) => csvField(value, options)).join(',')}\r\n`;
  return out;
}
