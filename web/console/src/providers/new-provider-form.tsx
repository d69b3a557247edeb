import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { ProviderType } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { useAction } from '../hooks/use-action.js';

const providerTypes: { type: ProviderType; label: string; needsEndpoint: boolean }[] = [
  { type: 'openai', label: 'OpenAI', needsEndpoint: false },
  { type: 'anthropic', label: 'Anthropic', needsEndpoint: false },
  { type: 'google', label: 'Google', needsEndpoint: false },
  { type: 'azure', label: 'Azure OpenAI', needsEndpoint: true },
  { type: 'openai-compatible', label: 'OpenAI-compatible (Ollama, vLLM, LM Studio…)', needsEndpoint: true },
];

/** Adds a provider of your own; only you see it. */
export function NewProviderForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<ProviderType>('openai');
  const [apiEndpoint, setApiEndpoint] = useState('');
  const needsEndpoint = providerTypes.find((option) => option.type === type)?.needsEndpoint ?? false;
  const create = useAction(async () => {
    const endpoint = apiEndpoint.trim();
    await api.providers.create({ name: name.trim(), type, ...(endpoint && { apiEndpoint: endpoint }) });
    setName('');
    setApiEndpoint('');
    onCreated();
  });
  return (
    <form
      class="card form"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run();
      }}
    >
      <h2>Add a provider</h2>
      <div class="field-row">
        <Field label="Name">
          <input value={name} onInput={(event) => setName(event.currentTarget.value)} required maxLength={200} />
        </Field>
        <Field label="Type">
          <select value={type} onChange={(event) => setType(event.currentTarget.value as ProviderType)}>
            {providerTypes.map((option) => (
              <option key={option.type} value={option.type}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="API endpoint" hint={needsEndpoint ? 'Base URL with the API version, e.g. http://localhost:11434/v1.' : 'Optional: leave empty for the vendor default.'}>
        <input type="url" value={apiEndpoint} onInput={(event) => setApiEndpoint(event.currentTarget.value)} required={needsEndpoint} />
      </Field>
      <ErrorNotice error={create.error} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={create.pending}>
          Add provider
        </button>
      </div>
    </form>
  );
}
