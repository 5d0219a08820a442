import { i18n } from '#i18n';
import { cleanPasted } from '../profile-draft';
import type { FoundProfile, ImportProblem } from './found-profile';
import { readJsonBlock } from './json-credentials';

// Credentials printed by a command rather than kept in a file: `aws configure export-credentials` as JSON
// or as shell variables (env, env-no-export, powershell, windows-cmd, fish), STS and IAM JSON, and the
// access key CSV the IAM console downloads. A pasted `aws … --profile NAME` line names what follows it.

const COMMAND = /^\s*(?:[$%>]\s*|PS\s[^>]*>\s*)?aws(?:\.exe)?\s/;
// Another command run at a prompt (`$ cat ~/.aws/credentials`): skipped without a word.
const PROMPT = /^\s*(?:[$%]|PS\s[^>]*>)\s/;
const PROFILE_FLAG = /--profile[=\s]+(["']?)([^\s"']+)\1/;
// `export X=…`, `X=…`, `$Env:X="…"`, `set X=…`, then fish's `set -gx X "…"`. Names are upper case, which
// keeps them apart from the same names as keys in a credentials file.
const ASSIGNMENT = /^\s*(export\s+|set\s+|\$env:)?(AWS_[A-Z0-9_]+)\s*=(.*)$/i;
const FISH = /^\s*set\s+-[a-zA-Z]+\s+(AWS_[A-Z0-9_]+)\s+(.*)$/;
const CSV_HEADER = /access key id\s*"?\s*,.*secret access key/i;

type Field = Exclude<keyof FoundProfile, 'line' | 'source' | 'keysFrom' | 'addressingStyle'>;

// Variable → field; where two variables give one field, the first listed wins, as in the CLI.
const VARIABLES: ReadonlyArray<[string, Field]> = [
  ['AWS_PROFILE', 'name'],
  ['AWS_ACCESS_KEY_ID', 'accessKeyId'],
  ['AWS_SECRET_ACCESS_KEY', 'secretAccessKey'],
  ['AWS_SESSION_TOKEN', 'sessionToken'],
  ['AWS_SECURITY_TOKEN', 'sessionToken'],
  ['AWS_CREDENTIAL_EXPIRATION', 'sessionExpiration'],
  ['AWS_REGION', 'region'],
  ['AWS_DEFAULT_REGION', 'region'],
  ['AWS_ENDPOINT_URL_S3', 'endpoint'],
  ['AWS_ENDPOINT_URL', 'endpoint'],
];

interface EnvGroup {
  line: number;
  values: Map<string, string>;
}

export interface ExportedResult {
  profiles: FoundProfile[];
  problems: ImportProblem[];
  /** 0-based indexes of the lines read here, which the INI reader skips. */
  claimed: Set<number>;
  recognised: boolean;
}

function envProfile(
  group: EnvGroup,
  name: string | undefined,
  problems: ImportProblem[],
): FoundProfile | undefined {
  const found: Partial<Record<Field, string>> = {};
  for (const [variable, field] of VARIABLES) {
    const value = group.values.get(variable);
    if (value && found[field] === undefined) found[field] = value;
  }
  if (!found.accessKeyId && !found.secretAccessKey && !found.sessionToken) {
    problems.push({
      line: group.line,
      message: i18n.t('importFormats.noEnvKeys'),
    });
    return undefined;
  }
  return { ...found, name: found.name ?? name ?? 'default', line: group.line, source: 'env' };
}

function readCsv(
  lines: readonly string[],
  start: number,
  name: string | undefined,
  claimed: Set<number>,
): { profiles: FoundProfile[]; lastIndex: number } {
  const cells = (line: string) => line.split(',').map((cell) => cleanPasted(cell));
  const header = cells(lines[start] as string).map((cell) => cell.toLowerCase());
  const column = (title: string) => header.indexOf(title);
  const profiles: FoundProfile[] = [];
  claimed.add(start);
  let index = start + 1;
  for (; index < lines.length && (lines[index] as string).includes(','); index++) {
    claimed.add(index);
    const row = cells(lines[index] as string);
    const cell = (title: string) => row[column(title)] || undefined;
    profiles.push({
      name: cell('user name') ?? name ?? 'default',
      line: index + 1,
      source: 'csv',
      ...(cell('access key id') ? { accessKeyId: cell('access key id') } : {}),
      ...(cell('secret access key') ? { secretAccessKey: cell('secret access key') } : {}),
    });
  }
  return { profiles, lastIndex: index - 1 };
}

/** Reads the command output in pasted text, leaving files' `[section]`s to the INI reader. */
export function readExported(lines: readonly string[]): ExportedResult {
  const result: ExportedResult = { profiles: [], problems: [], claimed: new Set(), recognised: false };
  let name: string | undefined;
  let group: EnvGroup | undefined;
  // Bare `AWS_X=…` lines after a [section] header are keys of that section, not shell variables.
  let inSection = false;
  const flush = () => {
    if (!group) return;
    const profile = envProfile(group, name, result.problems);
    if (profile) result.profiles.push(profile);
    group = undefined;
    name = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (PROMPT.test(line) && !COMMAND.test(line)) {
      flush();
      name = undefined;
      inSection = false;
      result.claimed.add(index);
      continue;
    }
    if (COMMAND.test(line)) {
      flush();
      // Only export-credentials prints the named profile's keys; `aws sts … --profile` prints another's.
      name = line.includes('export-credentials') ? PROFILE_FLAG.exec(line)?.[2] : undefined;
      inSection = false;
      result.claimed.add(index);
      continue;
    }
    if (trimmed.startsWith('{')) {
      flush();
      const block = readJsonBlock(lines, index, name);
      for (let taken = index; taken <= block.lastIndex; taken++) result.claimed.add(taken);
      if (block.profile) result.profiles.push(block.profile);
      if (block.problem) result.problems.push(block.problem);
      result.recognised = true;
      name = undefined;
      index = block.lastIndex;
      continue;
    }
    if (CSV_HEADER.test(line)) {
      flush();
      const csv = readCsv(lines, index, name, result.claimed);
      result.profiles.push(...csv.profiles);
      result.recognised = true;
      name = undefined;
      index = csv.lastIndex;
      continue;
    }
    const assignment = ASSIGNMENT.exec(line);
    const fish = FISH.exec(line);
    const variable = fish?.[1] ?? assignment?.[2];
    const prefixed = Boolean(fish ?? assignment?.[1]);
    // Case-sensitive on the name: `aws_access_key_id = …` in a credentials file is not a variable.
    if (variable && /^AWS_[A-Z0-9_]+$/.test(variable) && (prefixed || !inSection)) {
      const raw = (fish?.[2] ?? assignment?.[3] ?? '').replace(/\s+#.*$/, '').replace(/;\s*$/, '');
      if (group?.values.has(variable)) flush();
      group ??= { line: index + 1, values: new Map() };
      group.values.set(variable, cleanPasted(raw));
      result.claimed.add(index);
      result.recognised = true;
      continue;
    }
    flush();
    name = undefined;
    if (trimmed.startsWith('[')) inSection = true;
  }
  flush();
  return result;
}
