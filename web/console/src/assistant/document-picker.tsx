import { Field } from '../components/field.js';

const accepted = '.pdf,.docx,.xlsx,.csv,.txt,.md,.html,.htm,.json';

interface DocumentPickerProps {
  onChange: (file: File | null) => void;
}

/** Picks one document for the assistant to answer from; it is uploaded when the form is saved. */
export function DocumentPicker({ onChange }: DocumentPickerProps) {
  return (
    <Field
      label="Document"
      hint="PDF, Word, Excel, CSV, text, Markdown or HTML. The assistant answers from it and cites it."
    >
      <input type="file" accept={accepted} onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)} />
    </Field>
  );
}
