import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

/** Where the bucket list is denied: open a bucket by its name instead. */
export function OpenBucket({ onOpen }: { onOpen: (bucket: string) => void }): JSX.Element {
  const [name, setName] = useState('');
  return (
    <form
      class="row"
      aria-label="Open a bucket by name"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onOpen(name.trim());
      }}
    >
      <input
        type="text"
        aria-label="Bucket name"
        placeholder="Open a bucket by name"
        spellcheck={false}
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <button type="submit">Open</button>
    </form>
  );
}
