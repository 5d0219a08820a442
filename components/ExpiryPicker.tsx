import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { isPresignError } from '@/utils/errors';
import { durationInput, EXPIRY_PRESETS, parseExpiry } from '@/utils/expiry';
import { Field } from './Field';

interface ExpiryPickerProps {
  value: number;
  defaultValue: number;
  onChange: (seconds: number) => void;
  /**
   * The custom duration's problem while what is typed is not a valid expiry (`value` then still holds the last
   * valid one), `undefined` once it is valid again or a preset is picked: a panel hides its link meanwhile.
   */
  onInvalid?: (message: string | undefined) => void;
}

const CUSTOM = 'custom';

/** Presets (the default marked) or a custom duration typed as 45m, 2h, 3d, 1h30m or seconds. */
export function ExpiryPicker({ value, defaultValue, onChange, onInvalid }: ExpiryPickerProps): JSX.Element {
  const preset = EXPIRY_PRESETS.some((p) => p.seconds === value);
  const [custom, setCustom] = useState(!preset);
  const [text, setText] = useState(preset ? '' : durationInput(value));
  const [error, setError] = useState<string | undefined>(undefined);

  const report = (message: string | undefined): void => {
    setError(message);
    onInvalid?.(message);
  };

  const typed = (input: string): void => {
    setText(input);
    try {
      const seconds = parseExpiry(input);
      report(undefined);
      onChange(seconds);
    } catch (caught) {
      report(isPresignError(caught) ? caught.message : i18n.t('expiryPicker.invalid'));
    }
  };

  return (
    <div class="row">
      <Field name="expiry" label={i18n.t('expiryPicker.label')}>
        {({ id }) => (
          <select
            id={id}
            value={custom ? CUSTOM : String(value)}
            onChange={(event) => {
              const choice = event.currentTarget.value;
              setCustom(choice === CUSTOM);
              // Custom starts from the expiry in force, written so it reads back exactly: the box never
              // shows something other than what the link is signed for.
              if (choice === CUSTOM) setText(durationInput(value));
              report(undefined);
              if (choice !== CUSTOM) onChange(Number(choice));
            }}
          >
            {EXPIRY_PRESETS.map((p) => (
              <option key={p.seconds} value={String(p.seconds)}>
                {p.seconds === defaultValue ? i18n.t('expiryPicker.default', { label: p.label }) : p.label}
              </option>
            ))}
            <option value={CUSTOM}>{i18n.t('expiryPicker.custom')}</option>
          </select>
        )}
      </Field>
      {custom && (
        <Field
          name="custom-expiry"
          label={i18n.t('expiryPicker.customLabel')}
          error={error}
          hint={i18n.t('expiryPicker.customHint')}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              spellcheck={false}
              value={text}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(event) => typed(event.currentTarget.value)}
            />
          )}
        </Field>
      )}
    </div>
  );
}
