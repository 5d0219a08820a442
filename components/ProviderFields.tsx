import type { JSX } from 'preact';
import {
  type ProviderId,
  type ProviderInput,
  type ProviderInputs,
  providerById,
  R2_JURISDICTIONS,
} from '@/utils/providers';
import { Field } from './Field';

interface ProviderFieldsProps {
  provider: ProviderId;
  inputs: ProviderInputs;
  errors: Partial<Record<ProviderInput, string>>;
  onInput: (field: ProviderInput, value: string) => void;
}

const LABELS: Record<ProviderInput, string> = {
  accountId: 'Account ID',
  jurisdiction: 'Jurisdiction',
  region: 'Region',
  endpoint: 'Custom endpoint (the S3 API URL)',
};

/** The few inputs a store needs (R2: account id; Wasabi, B2, Spaces: region; MinIO/Ceph: endpoint and region). */
export function ProviderFields({ provider, inputs, errors, onInput }: ProviderFieldsProps): JSX.Element {
  const { needs, regions } = providerById(provider);
  return (
    <>
      {needs.map((name) => (
        <Field key={name} name={name} label={LABELS[name]} error={errors[name]}>
          {({ id, describedBy, invalid }) =>
            name === 'jurisdiction' ? (
              <select
                id={id}
                value={inputs.jurisdiction ?? ''}
                onChange={(event) => onInput(name, event.currentTarget.value)}
              >
                <option value="">Default</option>
                {R2_JURISDICTIONS.map((jurisdiction) => (
                  <option key={jurisdiction} value={jurisdiction}>
                    {jurisdiction === 'eu' ? 'EU' : 'FedRAMP'}
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
                        ? (regions?.[0] ?? 'us-east-1')
                        : ''
                  }
                  value={inputs[name] ?? ''}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onInput={(event) => onInput(name, event.currentTarget.value)}
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
