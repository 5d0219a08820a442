import type { JSX } from 'preact';
import { Field } from './Field';

interface TextFieldProps {
  /** Makes the control's id (`field-${name}`). */
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** False for keys, prefixes and types, which are not words. */
  spellcheck?: boolean;
  placeholder?: string;
}

/** A labelled one-line text box with its hint (see Field). */
export function TextField(props: TextFieldProps): JSX.Element {
  return (
    <Field name={props.name} label={props.label} {...(props.hint === undefined ? {} : { hint: props.hint })}>
      {({ id, describedBy }) => (
        <input
          id={id}
          type="text"
          {...(props.spellcheck === undefined ? {} : { spellcheck: props.spellcheck })}
          {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
          value={props.value}
          aria-describedby={describedBy}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}
