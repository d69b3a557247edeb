import type { FewShotExample } from '../api/types.js';

interface ExamplesEditorProps {
  examples: FewShotExample[];
  onChange: (examples: FewShotExample[]) => void;
}

/** Example questions with the answers the assistant should give; it answers alike to similar questions. */
export function ExamplesEditor({ examples, onChange }: ExamplesEditorProps) {
  const change = (index: number, field: keyof FewShotExample, value: string) =>
    onChange(examples.map((example, at) => (at === index ? { ...example, [field]: value } : example)));

  return (
    <fieldset class="examples">
      <legend>Example questions and answers</legend>
      <p class="field-hint">Optional. Show how the assistant should answer common questions.</p>
      {examples.map((example, index) => (
        <div class="example" key={index}>
          <label class="field">
            <span class="field-label">Question {index + 1}</span>
            <input value={example.question} onInput={(event) => change(index, 'question', event.currentTarget.value)} required />
          </label>
          <label class="field">
            <span class="field-label">Answer {index + 1}</span>
            <textarea rows={2} value={example.answer} onInput={(event) => change(index, 'answer', event.currentTarget.value)} required />
          </label>
          <button
            type="button"
            class="button button-ghost"
            onClick={() => onChange(examples.filter((_, at) => at !== index))}
            aria-label={`Remove example ${index + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary" onClick={() => onChange([...examples, { question: '', answer: '' }])}>
        Add an example
      </button>
    </fieldset>
  );
}
