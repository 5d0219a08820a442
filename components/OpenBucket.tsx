import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

/** Where the bucket list is denied: open a bucket by its name instead. */
export function OpenBucket({ onOpen }: { onOpen: (bucket: string) => void }): JSX.Element {
  const [name, setName] = useState('');
  return (
    <form
      class="row"
      aria-label={i18n.t('openBucket.label')}
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onOpen(name.trim());
      }}
    >
      <input
        type="text"
        aria-label={i18n.t('openBucket.name')}
        placeholder={i18n.t('openBucket.label')}
        spellcheck={false}
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <button type="submit">{i18n.t('openBucket.open')}</button>
    </form>
  );
}
