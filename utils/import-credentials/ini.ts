// The INI dialect of ~/.aws/credentials and ~/.aws/config as the AWS CLI and SDKs read it: `[section]`
// headers, `key = value` (or `key: value`) with keys in any case, `#`/`;` comments, and a `key =` with an empty value opening
// a block of more-indented `subkey = value` lines (how `s3 =` and `[services …]` blocks are written).

export interface IniSection {
  /** The text between the brackets, trimmed; '' for lines before any header. */
  header: string;
  /** 1-based line of the header (of the first line, for the headerless part). */
  line: number;
  /** Lowercased keys; a key inside a `name =` block is `name.key`. */
  settings: Map<string, string>;
  /** 1-based lines that are not `key = value`. */
  unreadable: number[];
}

// A comment starts a line, or follows white space (as in the SDKs): `region = eu-west-1 # Paris`.
const INLINE_COMMENT = /(?:^|\s)[#;].*$/;

/** Reads AWS config or credentials text; lines given as undefined were taken by another reader and are skipped. */
export function parseIni(lines: readonly (string | undefined)[]): IniSection[] {
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  let block: { key: string; indent: number } | undefined;
  lines.forEach((raw, index) => {
    const text = raw?.replace(INLINE_COMMENT, '').trimEnd() ?? '';
    if (text.trim() === '') return;
    const line = index + 1;
    if (text.trimStart().startsWith('[')) {
      // A header missing its ']' still starts a section, so its keys do not land in the one before.
      const inner = text.trim().slice(1);
      const close = inner.indexOf(']');
      current = {
        header: (close < 0 ? inner : inner.slice(0, close)).trim(),
        line,
        settings: new Map(),
        unreadable: [],
      };
      sections.push(current);
      block = undefined;
      return;
    }
    if (!current) {
      current = { header: '', line, settings: new Map(), unreadable: [] };
      sections.push(current);
    }
    const indent = text.length - text.trimStart().length;
    if (block && indent <= block.indent) block = undefined;
    // As in the CLI's configparser, `key: value` is read too: the first `=` or `:` ends the key, so a `:` in
    // a value (`endpoint_url = https://…`) stays in it.
    const eq = text.search(/[=:]/);
    const key = eq < 0 ? '' : text.slice(0, eq).trim().toLowerCase();
    const value = text.slice(eq + 1).trim();
    // AWS keys are snake_case words, and `abc==` is the padded end of a token split over two lines: such
    // lines are reported, not stored.
    if (!/^[a-z][a-z0-9_-]*$/.test(key) || /^=+$/.test(value)) {
      current.unreadable.push(line);
      return;
    }
    if (block) current.settings.set(`${block.key}.${key}`, value);
    else if (value === '') block = { key, indent };
    else current.settings.set(key, value);
  });
  return sections;
}
