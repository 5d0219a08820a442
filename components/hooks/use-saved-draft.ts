import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type ProfileFormDraft, profileFormDraftItem } from '@/utils/adapters/storage';

export interface SavedDraft {
  /** The form's state: restored, or `start`; undefined while session storage is read. */
  value: ProfileFormDraft | undefined;
  /** The value came from an earlier, unsaved visit to this form. */
  restored: boolean;
  /** Changes the form's state (from the latest, even between renders) and keeps it in session storage as typed. */
  update: (change: (current: ProfileFormDraft) => ProfileFormDraft) => void;
  /** Forgets what was typed: back to `start`, and nothing kept. */
  discard: () => void;
}

/**
 * The profile form's state, kept in a `session:` item while it is typed: closing the popup (clicking outside
 * it to copy a key) loses nothing, and the same form (`start.form`) opens with it again. Saving the profile
 * clears it (utils/adapters/profile-store), and so does `discard`.
 */
export function useSavedDraft(start: ProfileFormDraft): SavedDraft {
  const [value, setValue] = useState<ProfileFormDraft | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  // The latest state, for changes that come faster than renders (two inputs before a re-render).
  const latest = useRef<ProfileFormDraft | undefined>(undefined);
  // The stored draft is this form's (restored, or written since): only then may discard clear it.
  const stored = useRef(false);
  useLayoutEffect(() => {
    let live = true;
    void profileFormDraftItem
      .getValue()
      .catch(() => null)
      .then((kept) => {
        if (!live) return;
        const mine = kept?.form === start.form ? kept : undefined;
        stored.current = Boolean(mine);
        setRestored(Boolean(mine));
        latest.current = mine ?? start;
        setValue(latest.current);
      });
    return () => {
      live = false;
    };
    // Read once per form.
  }, [start.form]);

  return {
    value,
    restored,
    update: (change) => {
      if (!latest.current) return;
      const next = change(latest.current);
      latest.current = next;
      setValue(next);
      stored.current = true;
      // Not awaited: typing goes on; a lost write only loses the head start on reopening.
      void profileFormDraftItem.setValue(next).catch(() => undefined);
    },
    discard: () => {
      latest.current = start;
      setValue(start);
      setRestored(false);
      // Only this form's draft: another form's (a new profile half typed, never touched here) stays.
      if (stored.current) void profileFormDraftItem.setValue(null).catch(() => undefined);
      stored.current = false;
    },
  };
}
