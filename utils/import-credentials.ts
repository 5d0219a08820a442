import { i18n } from '#i18n';
import { normalizeEndpoint } from './endpoint';
import { readExported } from './import-credentials/exported';
import {
  type FoundProfile,
  hasKeys,
  type ImportProblem,
  type ImportSource,
  type KeysFrom,
} from './import-credentials/found-profile';
import { parseIni } from './import-credentials/ini';
import { profilesFromIni } from './import-credentials/shared-config';
import type { Profile } from './profile';
import {
  cleanPasted,
  type DraftErrors,
  EMPTY_DRAFT,
  expiryPassed,
  expiryWithoutToken,
  type ProfileDraft,
  validateDraft,
} from './profile-draft';

// Paste import for the profile form: whatever the user copied from a terminal or a file becomes one draft per
// profile, shown for review before anything is saved. The readers are in ./import-credentials/.

export type { ImportProblem, ImportSource };

/** One profile found in the pasted text, as a draft for the form. */
export interface ImportEntry {
  /** The profile's name as pasted; the draft's name may be edited, this stays. */
  section: string;
  /** 1-based line where the profile starts. */
  line: number;
  /** Where its keys came from: a credentials/config file, JSON, shell variables or the IAM CSV. */
  source: ImportSource;
  draft: ProfileDraft;
}

export interface ImportResult {
  entries: ImportEntry[];
  problems: ImportProblem[];
}

/** The stored profile an imported one updates in place, and what matched them. */
export interface Replaces {
  id: string;
  name: string;
  by: 'name' | 'accessKeyId';
}

/** An import added under another name than its own, which a stored profile it must not replace has. */
export interface Renamed {
  /** The name it is added as. */
  name: string;
  /** Why, for the preview: which profile has its name. */
  message: string;
}

export type PreviewEntry = ImportEntry & { replaces?: Replaces; renamed?: Renamed } & (
    | { profile: Profile; errors?: undefined }
    | { profile?: undefined; errors: DraftErrors }
  );

export interface ImportPreview {
  entries: PreviewEntry[];
  problems: ImportProblem[];
  ready: number;
  needsFixing: number;
}

/** The one problem reported when the text holds nothing this reader knows. */
export function nothingToImport(): string {
  return i18n.t('importCredentials.nothing');
}

// What a profile does instead of holding keys, after its name: read when a message is built.
const KEYS_FROM: Record<KeysFrom, () => string> = {
  sso: () => i18n.t('importCredentials.sso'),
  role: () => i18n.t('importCredentials.role'),
  'web-identity': () => i18n.t('importCredentials.webIdentity'),
  process: () => i18n.t('importCredentials.process'),
};

/** The command that prints a profile's keys as the AWS CLI resolves them. */
function exportCommand(name: string): string {
  const profile = /[\s"']/.test(name) ? `"${name.replaceAll('"', '')}"` : name;
  return `\`aws configure export-credentials --profile ${profile}\``;
}

function keylessProblem(found: FoundProfile): ImportProblem {
  const command = exportCommand(found.name);
  const message = found.keysFrom
    ? i18n.t('importCredentials.keysElsewhere', {
        name: found.name,
        does: KEYS_FROM[found.keysFrom](),
        command,
      })
    : i18n.t('importCredentials.noKeys', { name: found.name, command });
  return { section: found.name, line: found.line, message };
}

/**
 * Static keys next to a role or SSO setting: the AWS CLI signs as the role (or SSO user) and ignores the keys,
 * while the imported profile would sign as the keys' own IAM user, with other permissions. A credential_process
 * is not one of these: the CLI uses keys written in the profile before it.
 */
function shadowedKeysProblem(found: FoundProfile): ImportProblem | undefined {
  if (!found.keysFrom || found.keysFrom === 'process' || found.sessionToken) return undefined;
  return {
    section: found.name,
    line: found.line,
    message: i18n.t('importCredentials.shadowed', {
      name: found.name,
      does: KEYS_FROM[found.keysFrom](),
      command: exportCommand(found.name),
    }),
  };
}

function freeName(name: string, taken: { has(name: string): boolean }): string {
  let suffix = 2;
  while (taken.has(`${name}-${suffix}`)) suffix++;
  return `${name}-${suffix}`;
}

/**
 * One profile per name, in order of first appearance: a config file's region and endpoint join the keys of a
 * credentials section or of exported JSON with the same name. Two different keys under one name stay two.
 */
function mergeByName(found: readonly FoundProfile[]): FoundProfile[] {
  const byName = new Map<string, FoundProfile>();
  for (const next of [...found].sort((a, b) => a.line - b.line)) {
    const known = byName.get(next.name);
    if (!known) byName.set(next.name, next);
    else if (known.accessKeyId && next.accessKeyId && known.accessKeyId !== next.accessKeyId) {
      const name = freeName(next.name, byName);
      byName.set(name, { ...next, name });
    } else {
      const source = hasKeys(next) ? next.source : known.source;
      byName.set(next.name, { ...known, ...next, line: known.line, source });
    }
  }
  return [...byName.values()];
}

function toDraft(found: FoundProfile): ProfileDraft {
  const endpoint = found.endpoint ?? '';
  const style = found.addressingStyle?.toLowerCase();
  return {
    ...EMPTY_DRAFT,
    name: found.name,
    accessKeyId: found.accessKeyId ?? '',
    secretAccessKey: found.secretAccessKey ?? '',
    sessionToken: found.sessionToken ?? '',
    sessionExpiration: found.sessionExpiration ?? '',
    region: found.region ?? 'us-east-1',
    endpoint,
    // S3-compatible stores rarely have the wildcard DNS virtual-hosted style needs; AWS ignores the flag.
    forcePathStyle: style === 'virtual' ? false : style === 'path' || endpoint !== '',
  };
}

/** What was read, with each entry's profile as found (which settings the text gave). */
function readImport(text: string): { found: [ImportEntry, FoundProfile][]; problems: ImportProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const exported = readExported(lines);
  const ini = profilesFromIni(
    parseIni(lines.map((line, index) => (exported.claimed.has(index) ? undefined : line))),
  );
  const problems = [...exported.problems, ...ini.problems];
  const found: [ImportEntry, FoundProfile][] = [];
  for (const profile of mergeByName([...ini.profiles, ...exported.profiles])) {
    if (hasKeys(profile)) {
      found.push([
        { section: profile.name, line: profile.line, source: profile.source, draft: toDraft(profile) },
        profile,
      ]);
      const shadowed = shadowedKeysProblem(profile);
      if (shadowed) problems.push(shadowed);
    } else problems.push(keylessProblem(profile));
  }
  if (found.length === 0 && (problems.length === 0 || (!exported.recognised && !ini.recognised))) {
    return { found: [], problems: [{ message: nothingToImport() }] };
  }
  problems.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  return { found, problems };
}

/**
 * Reads pasted credentials — ~/.aws/credentials and/or ~/.aws/config, `aws configure export-credentials`
 * output (JSON or shell variables), STS/IAM JSON, the IAM console's CSV — into one draft per profile.
 * Drafts are not validated here; problems say what was skipped and what to paste instead.
 */
export function parseCredentialsImport(text: string): ImportResult {
  const { found, problems } = readImport(text);
  return { entries: found.map(([entry]) => entry), problems };
}

/** Whether a pasted endpoint is the one a stored profile has (none pasted says nothing against it). */
function sameEndpoint(found: FoundProfile, profile: Profile): boolean {
  if (found.endpoint === undefined) return true;
  try {
    return normalizeEndpoint(found.endpoint) === (profile.endpoint ?? '');
  } catch {
    return false;
  }
}

/** What an endpoint's keys sign for: AWS without one or on an amazonaws.com host, else the store's endpoint. */
const AWS = 'AWS';

function storeOf(endpoint: string | undefined): string | undefined {
  if (!endpoint) return AWS;
  try {
    const normalized = normalizeEndpoint(endpoint);
    return /\.amazonaws\.com(?:\.cn)?$/i.test(new URL(normalized).hostname) ? AWS : normalized;
  } catch {
    return undefined;
  }
}

/** AWS access key IDs (long-term and temporary); no other store's keys are shaped so. */
const AWS_KEY_ID = /^A[KS]IA[A-Z0-9]{16}$/;

/**
 * Whether an import is for the store of a stored profile of its name, so its keys may replace that profile's.
 * A pasted endpoint says which store; without one, AWS keys are for AWS, and other keys for the store whose
 * endpoint the config file (not pasted) holds: any store but AWS.
 */
function sameStore(found: FoundProfile, keyId: string, profile: Profile): boolean {
  const stored = storeOf(profile.endpoint);
  if (found.endpoint !== undefined) {
    const pasted = storeOf(found.endpoint);
    return pasted !== undefined && pasted === stored;
  }
  return AWS_KEY_ID.test(keyId) ? stored === AWS : stored !== AWS;
}

/**
 * The stored profile an imported one takes the place of: the one with its name (keys imported again when they
 * expire, as the app advises) if it is for the same store, else the one with its access key ID (the same keys
 * pasted under another name), unless the paste gives another endpoint: one key can serve two stores (Ceph
 * zones), kept as two profiles. Each stored profile is replaced by one import at most. Without one, `namesake`
 * is the stored profile that has the import's name, which it must be added beside under another name.
 */
function replacedProfile(
  found: FoundProfile,
  draft: ProfileDraft,
  existing: readonly Profile[],
  taken: ReadonlySet<string>,
): { profile: Profile; by: 'name' | 'accessKeyId' } | { profile?: undefined; namesake?: Profile } {
  const free = existing.filter((profile) => !taken.has(profile.id));
  const name = cleanPasted(draft.name);
  const keyId = cleanPasted(draft.accessKeyId);
  const byName = free.find((profile) => profile.name === name && sameStore(found, keyId, profile));
  if (byName) return { profile: byName, by: 'name' };
  const byKey = keyId
    ? free.find((profile) => profile.accessKeyId === keyId && sameEndpoint(found, profile))
    : undefined;
  if (byKey) return { profile: byKey, by: 'accessKeyId' };
  return { namesake: existing.find((profile) => profile.name === name) };
}

/** Why an import is renamed: the stored profile of its name is another store's, or is updated by another import. */
function renamedMessage(namesake: Profile, name: string, taken: ReadonlySet<string>): string {
  return taken.has(namesake.id)
    ? i18n.t('importCredentials.renamedTaken', { namesake: namesake.name, name })
    : i18n.t('importCredentials.renamedStore', {
        namesake: namesake.name,
        store: namesake.endpoint ?? 'AWS',
        name,
      });
}

/**
 * An imported draft over the profile it replaces: keys, token and expiry are the import's; name, region,
 * endpoint, addressing and default bucket stay the stored ones unless the pasted text gave them.
 */
function draftOver(profile: Profile, draft: ProfileDraft, found: FoundProfile): ProfileDraft {
  const givesEndpoint = found.endpoint !== undefined;
  return {
    ...draft,
    name: profile.name,
    region: found.region !== undefined ? draft.region : profile.region,
    endpoint: givesEndpoint ? draft.endpoint : (profile.endpoint ?? ''),
    forcePathStyle:
      givesEndpoint || found.addressingStyle !== undefined ? draft.forcePathStyle : profile.forcePathStyle,
    defaultBucket: profile.defaultBucket ?? '',
  };
}

/** The form's messages about the expiry, said for a paste, which has no fields to update. */
function importErrors(errors: DraftErrors): DraftErrors {
  if (errors.sessionExpiration === expiryPassed()) {
    return { ...errors, sessionExpiration: i18n.t('importCredentials.expired') };
  }
  if (errors.sessionExpiration === expiryWithoutToken()) {
    return { ...errors, sessionExpiration: i18n.t('importCredentials.expiryNoToken') };
  }
  return errors;
}

/**
 * parseCredentialsImport, then validateDraft on each draft: the profile to save, or what to fix in it. An entry
 * whose name (for the same store) or access key ID is one of the `existing` profiles' replaces it: same id, its
 * settings kept. An entry with the name of a profile it does not replace is added under a free name (`renamed`).
 * `makeId` gives the others their id; give the same entry the same id each time, or saving twice adds it twice.
 */
export function previewImport(
  text: string,
  now: Date,
  makeId: (entry: ImportEntry) => string,
  existing: readonly Profile[] = [],
): ImportPreview {
  const { found, problems } = readImport(text);
  const taken = new Set<string>();
  // Names in use, for an import renamed beside a stored profile of its name: stored, pasted, given.
  const names = new Set([
    ...existing.map((profile) => profile.name),
    ...found.map(([entry]) => entry.section),
  ]);
  const checked = found.map(([entry, profile]): PreviewEntry => {
    const replaced = replacedProfile(profile, entry.draft, existing, taken);
    if (!replaced.profile) {
      let draft = entry.draft;
      let renamed: Renamed | undefined;
      if (replaced.namesake) {
        const name = freeName(cleanPasted(draft.name), names);
        names.add(name);
        renamed = { name, message: renamedMessage(replaced.namesake, name, taken) };
        draft = { ...draft, name };
      }
      const result = validateDraft(draft, makeId(entry), now);
      return {
        ...entry,
        draft,
        ...(renamed ? { renamed } : {}),
        ...(result.errors ? { errors: importErrors(result.errors) } : result),
      };
    }
    taken.add(replaced.profile.id);
    const replaces = { id: replaced.profile.id, name: replaced.profile.name, by: replaced.by };
    const result = validateDraft(draftOver(replaced.profile, entry.draft, profile), replaced.profile.id, now);
    return { ...entry, replaces, ...(result.errors ? { errors: importErrors(result.errors) } : result) };
  });
  const ready = checked.filter((entry) => entry.profile !== undefined).length;
  return { entries: checked, problems, ready, needsFixing: checked.length - ready };
}

/** "3 profiles ready, 1 needs fixing", for the preview's heading. */
export function importSummary(preview: Pick<ImportPreview, 'ready' | 'needsFixing'>): string {
  const { ready, needsFixing } = preview;
  if (ready + needsFixing === 0) return i18n.t('importCredentials.none');
  const readyText = i18n.t('importCredentials.ready', ready, { n: ready });
  if (needsFixing === 0) return readyText;
  return i18n.t('importCredentials.summary', {
    ready: readyText,
    fixing: i18n.t('importCredentials.fixing', needsFixing, { n: needsFixing }),
  });
}
