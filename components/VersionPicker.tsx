import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { shownError } from '@/components/hooks/use-listing';
import { formatModified, formatSize } from '@/utils/listing';
import type { Profile } from '@/utils/profile';
import { Field } from './Field';
import type { PickedObject } from './ObjectPanel';

interface Version {
  versionId: string;
  size: number;
  lastModified: string;
  isLatest: boolean;
}

interface VersionPickerProps {
  profile: Profile;
  object: PickedObject;
  region: string | undefined;
  value: string | undefined;
  onChange: (versionId: string | undefined) => void;
}

/** The object's versions when the bucket keeps them; nothing when there is only one. */
export function VersionPicker({
  profile,
  object,
  region,
  value,
  onChange,
}: VersionPickerProps): JSX.Element | null {
  const [versions, setVersions] = useState<Version[] | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const { createS3Browser } = await import('@/utils/adapters/s3-browser');
        const listed = await createS3Browser(profile, { region, signal: abort.signal }).listVersions(
          object.bucket,
          object.key,
        );
        if (!abort.signal.aborted)
          setVersions(
            listed
              .filter((version) => !version.deleteMarker && version.versionId && version.versionId !== 'null')
              .map((version) => ({
                versionId: version.versionId as string,
                size: version.size ?? 0,
                lastModified: version.lastModified ?? '',
                isLatest: Boolean(version.isLatest),
              })),
          );
      } catch (error) {
        if (!abort.signal.aborted)
          setNote(i18n.t('versionPicker.failed', { reason: shownError(error).message }));
      }
    })();
    return () => abort.abort();
  }, [profile, object, region]);

  if (note) return <p class="hint">{note}</p>;
  if (!versions || versions.length < 2) return null;
  return (
    <Field name="version" label={i18n.t('versionPicker.label')}>
      {({ id }) => (
        <select
          id={id}
          value={value ?? ''}
          onChange={(event) => onChange(event.currentTarget.value || undefined)}
        >
          <option value="">{i18n.t('versionPicker.latest')}</option>
          {versions.map((version) => (
            <option key={version.versionId} value={version.versionId}>
              {i18n.t(version.isLatest ? 'versionPicker.optionLatest' : 'versionPicker.option', {
                date: formatModified(version.lastModified, new Date()),
                size: formatSize(version.size),
                id: version.versionId.slice(0, 12),
              })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
