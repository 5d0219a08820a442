import type { JSX } from 'preact';
import { i18n } from '#i18n';
import {
  endpointRegion,
  type ProviderId,
  type ProviderInput,
  type ProviderInputs,
  providerById,
  R2_JURISDICTIONS,
  r2JurisdictionOf,
} from '@/utils/providers';
import { Field } from './Field';

interface ProviderFieldsProps {
  provider: ProviderId;
  inputs: ProviderInputs;
  errors: Partial<Record<ProviderInput, string>>;
  onInput: (field: ProviderInput, value: string) => void;
}

/** An input's label (read when the form renders, so it is in the browser's language). */
function label(name: ProviderInput): string {
  switch (name) {
    case 'accountId':
      return i18n.t('providerFields.accountId');
    case 'jurisdiction':
      return i18n.t('providerFields.jurisdiction');
    case 'region':
      return i18n.t('providerFields.region');
    case 'endpoint':
      return i18n.t('providerFields.endpoint');
  }
}

/** The few inputs a store needs (R2: account id; Wasabi, B2, Spaces: region; MinIO/Ceph: endpoint and region). */
export function ProviderFields({ provider, inputs, errors, onInput }: ProviderFieldsProps): JSX.Element {
  const { needs, regions } = providerById(provider);
  // An R2 URL pasted as the account ID names its jurisdiction: the dropdown follows it.
  const input = (name: ProviderInput, value: string): void => {
    onInput(name, value);
    const jurisdiction = name === 'accountId' ? r2JurisdictionOf(value) : undefined;
    if (jurisdiction !== undefined && jurisdiction !== (inputs.jurisdiction ?? '')) {
      onInput('jurisdiction', jurisdiction);
    }
  };
  // A custom endpoint of a known store (Wasabi, B2, Spaces, R2) signs for the region it names unless one is typed.
  const regionPlaceholder =
    (provider === 'custom' ? endpointRegion(inputs.endpoint ?? '') : undefined) ??
    regions?.[0] ??
    'us-east-1';
  return (
    <>
      {needs.map((name) => (
        <Field key={name} name={name} label={label(name)} error={errors[name]}>
          {({ id, describedBy, invalid }) =>
            name === 'jurisdiction' ? (
              <select
                id={id}
                value={inputs.jurisdiction ?? ''}
                onChange={(event) => input(name, event.currentTarget.value)}
              >
                <option value="">{i18n.t('providerFields.default')}</option>
                {R2_JURISDICTIONS.map((jurisdiction) => (
                  <option key={jurisdiction} value={jurisdiction}>
                    {jurisdiction === 'eu' ? i18n.t('providerFields.eu') : i18n.t('providerFields.fedramp')}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input
                  id={id}
                  type="text"
                  spellcheck={false}
                  autocomplete="off"
                  list={name === 'region' && regions ? `${id}-list` : undefined}
                  placeholder={
                    name === 'endpoint'
                      ? 'https://minio.example.com:9000'
                      : name === 'region'
                        ? regionPlaceholder
                        : ''
                  }
                  value={inputs[name] ?? ''}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onInput={(event) => input(name, event.currentTarget.value)}
                />
                {name === 'region' && regions && (
                  <datalist id={`${id}-list`}>
                    {regions.map((region) => (
                      <option key={region} value={region} />
                    ))}
                  </datalist>
                )}
              </>
            )
          }
        </Field>
      ))}
    </>
  );
}
