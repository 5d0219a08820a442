import type { Profile } from './profile';
import { type DraftErrors, type ProfileDraft, validateDraft } from './profile-draft';
import {
  applyProvider,
  isProviderError,
  type ProviderId,
  type ProviderInput,
  type ProviderInputs,
  providerById,
} from './providers';

/** A message per form field: the key fields of the draft, and the store's own inputs. */
export type SetupErrors = DraftErrors & Partial<Record<ProviderInput, string>>;

/** The store input a draft error about the endpoint or region belongs under, for this store. */
function inputFor(provider: ProviderId, field: 'endpoint' | 'region'): ProviderInput {
  const needs = providerById(provider).needs;
  if (needs.includes(field)) return field;
  return needs.includes('accountId') ? 'accountId' : 'region';
}

/**
 * The setup form's answer: the store preset turns its inputs into endpoint, region and addressing, then the
 * draft is validated as a whole. Returns the profile to save or, per field, what to fix.
 */
export function buildProfile(
  draft: ProfileDraft,
  provider: ProviderId,
  inputs: ProviderInputs,
  id: string,
  now: Date,
): { profile: Profile; errors?: undefined } | { profile?: undefined; errors: SetupErrors } {
  const settings = applyProvider(provider, inputs);
  const preset = isProviderError(settings) ? undefined : settings;
  const result = validateDraft(
    {
      ...draft,
      endpoint: preset?.endpoint ?? '',
      region: preset?.region ?? 'us-east-1',
      // Only the generic S3-compatible store lets the user choose; the presets know their store's addressing.
      forcePathStyle: provider === 'custom' ? draft.forcePathStyle : (preset?.forcePathStyle ?? false),
    },
    id,
    now,
  );
  const errors: SetupErrors = { ...(result.errors ?? {}) };
  delete errors.endpoint;
  delete errors.region;
  if (isProviderError(settings)) errors[settings.field] = settings.error;
  else {
    if (result.errors?.endpoint) errors[inputFor(provider, 'endpoint')] = result.errors.endpoint;
    if (result.errors?.region) errors[inputFor(provider, 'region')] = result.errors.region;
  }
  if (Object.keys(errors).length > 0 || !result.profile) return { errors };
  return { profile: result.profile };
}
