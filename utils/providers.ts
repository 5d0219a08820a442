import { i18n } from '#i18n';
import { normalizeEndpoint } from './endpoint';
import { isPresignError } from './errors';
import { cleanPasted } from './profile-draft';
import { toUrl } from './raw-url';
import { isAwsRegion, isScopeRegion } from './region';

// Presets for the setup form: each store's endpoint, region and addressing style follow from one or two
// values the user can copy from that store's console. Region lists are suggestions for the form, not a
// whitelist: stores open regions faster than this file changes, so any name of the right shape is accepted.

export type ProviderId = 'aws' | 'r2' | 'custom' | 'wasabi' | 'b2' | 'spaces';
export type ProviderInput = 'accountId' | 'region' | 'endpoint' | 'jurisdiction';

/** What the form holds for a preset; only the fields the provider needs are read. */
export interface ProviderInputs {
  accountId?: string;
  region?: string;
  endpoint?: string;
  /** R2: undefined until picked; '' or 'default' for the default jurisdiction. */
  jurisdiction?: string;
  /** Not shown: a Spaces profile's signing region kept on edit when it is not the endpoint's (us-east-1). */
  signingRegion?: string;
}

/** The profile fields a preset fills in; endpoint '' means AWS itself. */
export interface ProviderSettings {
  endpoint: string;
  region: string;
  forcePathStyle: boolean;
}

/** Why the inputs give no settings, and which input to fix. */
export interface ProviderError {
  error: string;
  field: ProviderInput;
}

export interface Provider {
  id: ProviderId;
  label: string;
  /** The inputs the form shows; optional ones (region for AWS and custom, jurisdiction) have a default. */
  needs: readonly ProviderInput[];
  regions?: readonly string[];
  /** Where to find the values in the provider's console. */
  hint: string;
  /** What the least-privileged key is called there. */
  permissions: string;
}

const words = (list: string): readonly string[] => list.split(' ');

const AWS_REGIONS = words(
  'us-east-1 us-east-2 us-west-1 us-west-2 ca-central-1 ca-west-1 mx-central-1 sa-east-1 ' +
    'eu-west-1 eu-west-2 eu-west-3 eu-central-1 eu-central-2 eu-south-1 eu-south-2 eu-north-1 ' +
    'il-central-1 me-south-1 me-central-1 af-south-1 ap-south-1 ap-south-2 ap-east-1 ' +
    'ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-7 ' +
    'ap-northeast-1 ap-northeast-2 ap-northeast-3',
);

/** R2 jurisdictions other than the default one; each gets its own host label. */
export const R2_JURISDICTIONS = ['eu', 'fedramp'] as const;

type Words = 'label' | 'hint' | 'permissions';

/** A preset whose words are read when the form shows them (locales/en.yml), not at import. */
function preset(
  settings: Omit<Provider, Words>,
  label: () => string,
  hint: () => string,
  permissions: () => string,
): Provider {
  return {
    ...settings,
    get label(): string {
      return label();
    },
    get hint(): string {
      return hint();
    },
    get permissions(): string {
      return permissions();
    },
  };
}

/** The setup form's presets, in the order the form lists them. */
export const PROVIDERS: readonly Provider[] = [
  preset(
    { id: 'aws', needs: ['region'], regions: AWS_REGIONS },
    () => i18n.t('providers.awsLabel'),
    () => i18n.t('providers.awsHint'),
    () => i18n.t('providers.awsKeys'),
  ),
  preset(
    { id: 'r2', needs: ['accountId', 'jurisdiction'] },
    () => i18n.t('providers.r2Label'),
    () => i18n.t('providers.r2Hint'),
    () => i18n.t('providers.r2Keys'),
  ),
  preset(
    {
      id: 'wasabi',
      needs: ['region'],
      regions: words(
        'us-east-1 us-east-2 us-central-1 us-west-1 us-west-2 ca-central-1 eu-central-1 eu-central-2 ' +
          'eu-west-1 eu-west-2 eu-west-3 eu-south-1 ap-northeast-1 ap-northeast-2 ap-southeast-1 ap-southeast-2',
      ),
    },
    () => i18n.t('providers.wasabiLabel'),
    () => i18n.t('providers.wasabiHint'),
    () => i18n.t('providers.wasabiKeys'),
  ),
  preset(
    {
      id: 'b2',
      needs: ['region'],
      // Not exhaustive: B2 adds clusters; the bucket's endpoint (s3.REGION.backblazeb2.com) names its own.
      regions: words(
        'us-west-000 us-west-001 us-west-002 us-west-004 us-east-005 eu-central-003 ca-east-006',
      ),
    },
    () => i18n.t('providers.b2Label'),
    () => i18n.t('providers.b2Hint'),
    () => i18n.t('providers.b2Keys'),
  ),
  preset(
    {
      id: 'spaces',
      needs: ['region'],
      regions: words('nyc3 ams3 sgp1 fra1 sfo3 syd1 blr1 tor1 lon1 atl1 ric1'),
    },
    () => i18n.t('providers.spacesLabel'),
    () => i18n.t('providers.spacesHint'),
    () => i18n.t('providers.spacesKeys'),
  ),
  preset(
    { id: 'custom', needs: ['endpoint', 'region'] },
    () => i18n.t('providers.customLabel'),
    () => i18n.t('providers.customHint'),
    () => i18n.t('providers.customKeys'),
  ),
];

/** The preset with this id. */
export function providerById(id: ProviderId): Provider {
  return PROVIDERS.find((provider) => provider.id === id) as Provider;
}

// Hosts by provider, with or without a bucket in front (consoles show both); in those that name a region,
// group 1 is that region.
const R2_HOST = /^(?:.+\.)?([0-9a-f]{32})(?:\.([a-z]+))?\.r2\.cloudflarestorage\.com$/;

type RegionalId = 'wasabi' | 'b2' | 'spaces';

interface Regional {
  host: RegExp;
  shape: RegExp;
  endpoint: (region: string) => string;
  /** A signing region the store accepts on every endpoint, kept when a profile already signs with it. */
  anyEndpoint?: string;
}

// Stores whose endpoint follows from the region. Shapes are checked so a typo fails here rather than as a DNS
// error on the first link.
const REGIONAL: Record<RegionalId, Regional> = {
  wasabi: {
    host: /^(?:.+\.)?s3\.(?:([a-z0-9-]+)\.)?wasabisys\.com$/,
    shape: /^[a-z]{2}-[a-z]+-\d+$/,
    endpoint: (region) => `https://s3.${region}.wasabisys.com`,
  },
  b2: {
    host: /^(?:.+\.)?s3\.([a-z0-9-]+)\.backblazeb2\.com$/,
    shape: /^[a-z]{2}-[a-z]+-\d{3}$/,
    endpoint: (region) => `https://s3.${region}.backblazeb2.com`,
  },
  spaces: {
    host: /^(?:.+\.)?([a-z0-9-]+)\.digitaloceanspaces\.com$/,
    shape: /^[a-z]{3}\d$/,
    endpoint: (region) => `https://${region}.digitaloceanspaces.com`,
    // DigitalOcean's own SDK examples sign for us-east-1 whatever the Space's region.
    anyEndpoint: 'us-east-1',
  },
};

/** The host name of a URL or bare host as pasted, lowercased; '' when there is none. */
function hostOf(text: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  return toUrl(withScheme)?.hostname.toLowerCase() ?? '';
}

/** The region a host of this provider names (Wasabi's bare s3.wasabisys.com is us-east-1); undefined if not its host. */
function hostRegion(host: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(host);
  return match ? (match[1] ?? 'us-east-1') : undefined;
}

/** A region typed as such, or taken from a pasted endpoint of this provider. */
function regionInput(raw: string | undefined, host: RegExp): string {
  const text = cleanPasted(raw ?? '').toLowerCase();
  return hostRegion(hostOf(text), host) ?? text;
}

/**
 * The region a known store's endpoint signs for (R2: auto), for a custom endpoint given without one; undefined
 * for hosts no preset knows, and for a store's host whose label is no region of it (Spaces' CDN,
 * `nyc3.cdn.digitaloceanspaces.com`, would read as region "cdn").
 */
export function endpointRegion(endpoint: string): string | undefined {
  const host = hostOf(cleanPasted(endpoint));
  if (!host) return undefined;
  if (R2_HOST.test(host)) return 'auto';
  for (const { host: pattern, shape } of Object.values(REGIONAL)) {
    const region = hostRegion(host, pattern);
    if (region) return shape.test(region) ? region : undefined;
  }
  return undefined;
}

function regionSettings(id: RegionalId, inputs: ProviderInputs): ProviderSettings | ProviderError {
  const { label, regions } = providerById(id);
  const { host, shape, endpoint, anyEndpoint } = REGIONAL[id];
  const region = regionInput(inputs.region, host);
  const examples = regions?.slice(0, 3).join(', ') ?? '';
  if (!region) return { field: 'region', error: i18n.t('providers.pickRegion', { label, examples }) };
  if (!shape.test(region)) {
    return { field: 'region', error: i18n.t('providers.notRegion', { label, examples }) };
  }
  const signing = anyEndpoint && inputs.signingRegion === anyEndpoint ? anyEndpoint : region;
  return { endpoint: endpoint(region), region: signing, forcePathStyle: true };
}

// The names the form's jurisdiction dropdown shows (components/ProviderFields.tsx).
const JURISDICTION_NAMES: Record<string, () => string> = {
  '': () => i18n.t('providerFields.default'),
  eu: () => i18n.t('providerFields.eu'),
  fedramp: () => i18n.t('providerFields.fedramp'),
};

/** The jurisdiction in an R2 URL pasted as the account ID ('' for the default one); undefined if no R2 URL. */
export function r2JurisdictionOf(accountId: string): string | undefined {
  const fromUrl = R2_HOST.exec(hostOf(cleanPasted(accountId).toLowerCase()));
  return fromUrl ? (fromUrl[2] ?? '') : undefined;
}

function r2Settings(inputs: ProviderInputs): ProviderSettings | ProviderError {
  const text = cleanPasted(inputs.accountId ?? '').toLowerCase();
  // The R2 dashboard shows the whole S3 API URL next to the account ID; either may be pasted.
  const fromUrl = R2_HOST.exec(hostOf(text));
  const accountId = fromUrl?.[1] ?? text;
  const picked =
    inputs.jurisdiction === undefined ? undefined : cleanPasted(inputs.jurisdiction).toLowerCase();
  const chosen = picked === 'default' ? '' : picked;
  const fromPaste = fromUrl ? (fromUrl[2] ?? '') : undefined;
  if (!accountId) {
    return {
      field: 'accountId',
      error: i18n.t('providers.noAccountId'),
    };
  }
  if (!/^[0-9a-f]{32}$/.test(accountId)) {
    return {
      field: 'accountId',
      error: i18n.t('providers.badAccountId'),
    };
  }
  for (const [field, value] of [
    ['jurisdiction', chosen],
    ['accountId', fromPaste],
  ] as const) {
    if (value === undefined || Object.hasOwn(JURISDICTION_NAMES, value)) continue;
    return {
      field,
      error: i18n.t('providers.badJurisdiction', { eu: R2_JURISDICTIONS[0], fedramp: R2_JURISDICTIONS[1] }),
    };
  }
  // The pasted URL and the dropdown must agree: either alone could be stale, so neither silently wins.
  if (fromPaste !== undefined && chosen !== undefined && chosen !== fromPaste) {
    const name = (JURISDICTION_NAMES[fromPaste] as () => string)();
    return {
      field: 'jurisdiction',
      error: i18n.t(fromPaste ? 'providers.otherJurisdiction' : 'providers.defaultJurisdiction', { name }),
    };
  }
  const jurisdiction = fromPaste ?? chosen ?? '';
  const label = jurisdiction ? `.${jurisdiction}` : '';
  return {
    endpoint: `https://${accountId}${label}.r2.cloudflarestorage.com`,
    region: 'auto',
    forcePathStyle: true,
  };
}

function customSettings(inputs: ProviderInputs): ProviderSettings | ProviderError {
  const raw = cleanPasted(inputs.endpoint ?? '');
  if (!raw) {
    return { field: 'endpoint', error: i18n.t('providers.noEndpoint') };
  }
  let endpoint: string;
  try {
    endpoint = normalizeEndpoint(raw);
  } catch (error) {
    return {
      field: 'endpoint',
      error: isPresignError(error) ? error.message : i18n.t('providers.badEndpoint'),
    };
  }
  // A known store's endpoint names its region; other servers mostly sign for us-east-1.
  const region = cleanPasted(inputs.region ?? '') || (endpointRegion(endpoint) ?? 'us-east-1');
  if (!isScopeRegion(region)) {
    return {
      field: 'region',
      error: i18n.t('providers.badScopeRegion'),
    };
  }
  return { endpoint, region, forcePathStyle: true };
}

/** The endpoint, region and addressing style a preset gives for the user's inputs, or what to fix. */
export function applyProvider(id: ProviderId, inputs: ProviderInputs): ProviderSettings | ProviderError {
  switch (id) {
    case 'aws': {
      const region = cleanPasted(inputs.region ?? '').toLowerCase() || 'us-east-1';
      if (!isAwsRegion(region)) {
        return {
          field: 'region',
          error: i18n.t('providers.badAwsRegion'),
        };
      }
      return { endpoint: '', region, forcePathStyle: false };
    }
    case 'r2':
      return r2Settings(inputs);
    case 'wasabi':
    case 'b2':
    case 'spaces':
      return regionSettings(id, inputs);
    case 'custom':
      return customSettings(inputs);
  }
}

/** Whether applyProvider gave settings rather than an error. */
export function isProviderError(result: ProviderSettings | ProviderError): result is ProviderError {
  return 'error' in result;
}

/** Which preset a profile's endpoint belongs to: 'aws' without one, 'custom' for hosts no preset makes. */
export function detectProvider(endpoint: string | undefined): ProviderId {
  if (!endpoint?.trim()) return 'aws';
  const host = hostOf(endpoint.trim());
  if (R2_HOST.test(host)) return 'r2';
  const regional = (Object.keys(REGIONAL) as RegionalId[]).find((id) => REGIONAL[id].host.test(host));
  if (regional) return regional;
  // An amazonaws.com endpoint (a VPC endpoint, say) stays custom: the AWS preset would drop it.
  return 'custom';
}

/** The preset inputs a stored profile's endpoint names, before checking that they give it back. */
function presetInputs(id: ProviderId, profile: { endpoint?: string; region: string }): ProviderInputs {
  const host = hostOf(profile.endpoint?.trim() ?? '');
  switch (id) {
    case 'aws':
      return { region: profile.region };
    case 'r2': {
      const [, accountId, jurisdiction] = R2_HOST.exec(host) ?? [];
      return { accountId, ...(jurisdiction ? { jurisdiction } : {}) };
    }
    case 'wasabi':
    case 'b2':
    case 'spaces': {
      // The region the endpoint names, not the signing region: imported profiles may sign for us-east-1.
      const { anyEndpoint, host: pattern } = REGIONAL[id];
      const region = hostRegion(host, pattern);
      return {
        region,
        ...(anyEndpoint && profile.region === anyEndpoint ? { signingRegion: anyEndpoint } : {}),
      };
    }
    case 'custom':
      return { endpoint: profile.endpoint ?? '', region: profile.region };
  }
}

/**
 * The preset and inputs that give back a stored profile's endpoint, region and addressing, to refill the form
 * on edit. A profile no preset reproduces exactly (a port, a path prefix, a bucket in the host, virtual-hosted
 * addressing) opens as custom, so saving it unchanged keeps it as it is.
 */
export function providerInputs(profile: { endpoint?: string; region: string; forcePathStyle?: boolean }): {
  id: ProviderId;
  inputs: ProviderInputs;
} {
  const id = detectProvider(profile.endpoint);
  const inputs = presetInputs(id, profile);
  if (id === 'aws' || id === 'custom') return { id, inputs };
  const settings = applyProvider(id, inputs);
  // Wasabi and B2 sign for the endpoint's region: a profile that signed for another one is moved to it, in view.
  if (
    !isProviderError(settings) &&
    settings.endpoint === profile.endpoint &&
    settings.forcePathStyle === (profile.forcePathStyle ?? settings.forcePathStyle) &&
    (settings.region === profile.region || id === 'wasabi' || id === 'b2')
  )
    return { id, inputs };
  return { id: 'custom', inputs: presetInputs('custom', profile) };
}
