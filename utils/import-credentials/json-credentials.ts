import { i18n } from '#i18n';
import type { FoundProfile, ImportProblem } from './found-profile';

// Keys as JSON: `aws configure export-credentials` (the credential_process shape), `aws sts assume-role` and
// `get-session-token` ({"Credentials": …}), `aws iam create-access-key` ({"AccessKey": …}). Field names are
// matched in any case, so an SDK's { accessKeyId, … } object reads too.

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string field, whatever the case of its name; undefined for other types or blank strings. */
function text(object: unknown, name: string): string | undefined {
  if (!isObject(object)) return undefined;
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : object[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function child(object: JsonObject, name: string): JsonObject | undefined {
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : object[key];
  return isObject(value) ? value : undefined;
}

/** The object holding the keys, and the name the JSON suggests for them. */
function credentialsIn(value: unknown): { keys: JsonObject; name?: string } | undefined {
  if (!isObject(value)) return undefined;
  if (text(value, 'AccessKeyId') || text(value, 'SecretAccessKey')) return { keys: value };
  const sts = child(value, 'Credentials');
  if (sts) {
    const arn = text(child(value, 'AssumedRoleUser'), 'Arn');
    const role = arn === undefined ? undefined : /:assumed-role\/([^/]+)\//.exec(arn)?.[1];
    return { keys: sts, ...(role ? { name: role } : {}) };
  }
  const iam = child(value, 'AccessKey');
  if (iam) {
    const user = text(iam, 'UserName');
    return { keys: iam, ...(user ? { name: user } : {}) };
  }
  return undefined;
}

/** Index just past the '}' that closes the object opening the text, or -1 when it never closes. */
function objectEnd(source: string): number {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return -1;
}

/** Reads the JSON object that starts on line `start`; `name` is the profile a pasted command line named. */
export function readJsonBlock(
  lines: readonly string[],
  start: number,
  name: string | undefined,
): { lastIndex: number; profile?: FoundProfile; problem?: ImportProblem } {
  const line = start + 1;
  const rest = lines.slice(start).join('\n');
  const from = rest.indexOf('{');
  const end = objectEnd(rest.slice(from));
  if (end < 0) {
    return {
      lastIndex: lines.length - 1,
      problem: {
        line,
        message: i18n.t('importFormats.jsonCut'),
      },
    };
  }
  const block = rest.slice(from, from + end);
  const lastIndex = start + (block.match(/\n/g)?.length ?? 0);
  let parsed: unknown;
  try {
    parsed = JSON.parse(block);
  } catch {
    // The parser's message quotes the text, which may hold the secret: it is not passed on.
    return {
      lastIndex,
      problem: {
        line,
        message: i18n.t('importFormats.jsonDamaged'),
      },
    };
  }
  const found = credentialsIn(parsed);
  if (!found) {
    return {
      lastIndex,
      problem: { line, message: i18n.t('importFormats.jsonNoKey') },
    };
  }
  const fields = {
    accessKeyId: text(found.keys, 'AccessKeyId'),
    secretAccessKey: text(found.keys, 'SecretAccessKey'),
    sessionToken: text(found.keys, 'SessionToken'),
    sessionExpiration: text(found.keys, 'Expiration'),
  };
  return {
    lastIndex,
    profile: {
      name: name ?? found.name ?? 'default',
      line,
      source: 'json',
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    },
  };
}
