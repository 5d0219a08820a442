import { i18n } from '#i18n';
import { cleanPasted } from '../profile-draft';
import type { FoundProfile, ImportProblem, KeysFrom } from './found-profile';
import type { IniSection } from './ini';

// Profiles from ~/.aws/credentials and ~/.aws/config, pasted alone or one after the other: `[work]` and
// `[profile work]` are the same profile, as the AWS CLI reads them.

const KEY_SETTINGS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'];

// Sections of ~/.aws/config that are not profiles.
const NOT_PROFILES = new Set(['plugins', 'preview']);

// Settings by which the CLI gets keys for a profile from elsewhere, strongest first as the CLI's provider
// chain tries them: a web identity also names a role, and a role's source may be an SSO profile.
const KEYS_FROM: ReadonlyArray<[KeysFrom, readonly string[]]> = [
  ['web-identity', ['web_identity_token_file']],
  ['role', ['role_arn']],
  ['sso', ['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name']],
  ['process', ['credential_process']],
];

interface ProfileSections {
  name: string;
  line: number;
  settings: Map<string, string>;
}

/** Profiles, `[services …]` blocks and headerless lines, by what the section header says. */
function sortSections(
  sections: readonly IniSection[],
  problems: ImportProblem[],
): {
  profiles: Map<string, ProfileSections>;
  services: Map<string, Map<string, string>>;
  recognised: boolean;
} {
  const profiles = new Map<string, ProfileSections>();
  const services = new Map<string, Map<string, string>>();
  let recognised = false;
  for (const section of sections) {
    if (section.unreadable.length > 0) problems.push(unreadableProblem(section));
    const [, prefix, rest] = /^(profile|services|sso-session)\s+(.*)$/.exec(section.header) ?? [];
    const name = cleanPasted(rest ?? section.header);
    if (prefix === 'services') {
      services.set(name, new Map([...(services.get(name) ?? []), ...section.settings]));
    } else if (prefix === 'sso-session' || NOT_PROFILES.has(name)) {
      // Read by the CLI to sign in, or CLI settings: nothing to import.
    } else if (section.header === '' && !KEY_SETTINGS.some((key) => section.settings.has(key))) {
      // Settings above every header belong to no profile; their unreadable lines were reported above.
      if (section.settings.size > 0) {
        problems.push({
          line: section.line,
          message: i18n.t('importFormats.headerless'),
        });
      }
      continue;
    } else {
      // Keys copied without their header line are taken as the default profile.
      const profileName = name || 'default';
      const known = profiles.get(profileName);
      if (known) warnOnOtherKeys(known, section, problems);
      profiles.set(profileName, {
        name: profileName,
        line: known?.line ?? section.line,
        settings: new Map([...(known?.settings ?? []), ...section.settings]),
      });
    }
    recognised = true;
  }
  return { profiles, services, recognised };
}

function unreadableProblem(section: IniSection): ImportProblem {
  const lines = section.unreadable.join(', ');
  const count = section.unreadable.length;
  return {
    ...(section.header ? { section: section.header } : {}),
    line: section.unreadable[0] as number,
    message: section.header
      ? i18n.t('importFormats.unreadableIn', count, { lines, header: section.header })
      : i18n.t('importFormats.unreadable', count, { lines }),
  };
}

function warnOnOtherKeys(known: ProfileSections, section: IniSection, problems: ImportProblem[]): void {
  const before = known.settings.get('aws_access_key_id');
  const after = section.settings.get('aws_access_key_id');
  if (before && after && cleanPasted(before) !== cleanPasted(after)) {
    problems.push({
      section: known.name,
      line: section.line,
      message: i18n.t('importFormats.twice', { name: known.name }),
    });
  }
}

function value(settings: Map<string, string>, key: string): string | undefined {
  const found = settings.get(key);
  return found === undefined ? undefined : cleanPasted(found) || undefined;
}

/** The S3 endpoint a profile gives, by the CLI's precedence: its own `s3 =` block, its services, its endpoint_url. */
function endpointOf(
  profile: ProfileSections,
  services: Map<string, Map<string, string>>,
  problems: ImportProblem[],
): string | undefined {
  if (value(profile.settings, 'ignore_configured_endpoint_urls')?.toLowerCase() === 'true') return undefined;
  const servicesName = value(profile.settings, 'services');
  const block = servicesName === undefined ? undefined : services.get(servicesName);
  if (servicesName !== undefined && !block) {
    problems.push({
      section: profile.name,
      line: profile.line,
      message: i18n.t('importFormats.noServices', { name: profile.name, services: servicesName }),
    });
  }
  return (
    value(profile.settings, 's3.endpoint_url') ??
    (block && value(block, 's3.endpoint_url')) ??
    value(profile.settings, 'endpoint_url')
  );
}

/** The profiles in parsed credentials/config sections, with problems about the sections themselves. */
export function profilesFromIni(sections: readonly IniSection[]): {
  profiles: FoundProfile[];
  problems: ImportProblem[];
  recognised: boolean;
} {
  const problems: ImportProblem[] = [];
  const sorted = sortSections(sections, problems);
  const profiles = [...sorted.profiles.values()].map((profile): FoundProfile => {
    const get = (key: string) => value(profile.settings, key);
    const endpoint = endpointOf(profile, sorted.services, problems);
    const addressingStyle = get('s3.addressing_style');
    const keysFrom = KEYS_FROM.find(([, keys]) => keys.some((key) => profile.settings.has(key)))?.[0];
    const found: Partial<FoundProfile> = {
      accessKeyId: get('aws_access_key_id'),
      secretAccessKey: get('aws_secret_access_key'),
      // aws_security_token is boto2's name, still written by some SSO helpers.
      sessionToken: get('aws_session_token') ?? get('aws_security_token'),
      // Not read by the CLI, but written by saml2aws, aws-vault and granted next to the token.
      sessionExpiration: get('x_security_token_expires'),
      region: get('region'),
      endpoint,
      addressingStyle,
      keysFrom,
    };
    return {
      name: profile.name,
      line: profile.line,
      source: 'ini',
      ...Object.fromEntries(Object.entries(found).filter(([, field]) => field !== undefined)),
    };
  });
  return { profiles, problems, recognised: sorted.recognised };
}
