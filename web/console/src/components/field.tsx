import type { ComponentChildren } from 'preact';

interface FieldProps {
  label: string;
  /** A sentence under the label that helps fill the field in. */
  hint?: string;
  children: ComponentChildren;
}

/** A labelled form control: the label wraps the control, so it needs no id to be associated. */
export function Field({ label, hint, children }: FieldProps) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      {hint && <span class="field-hint">{hint}</span>}
      {children}
    </label>
  );
}
