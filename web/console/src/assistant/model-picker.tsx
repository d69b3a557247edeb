import { api } from '../api/client.js';
import { useResource } from '../hooks/use-resource.js';

export const offlineModel = 'docent-offline';

interface ModelPickerProps {
  providerId: string | null;
  modelName: string;
  onChange: (providerId: string | null, modelName: string) => void;
}

/** Which model answers: the built-in offline responder, or a model of one of the LLM providers. */
export function ModelPicker({ providerId, modelName, onChange }: ModelPickerProps) {
  const providers = useResource(() => api.providers.list());
  return (
    <div class="field-row">
      <label class="field">
        <span class="field-label">Model provider</span>
        <select
          value={providerId ?? ''}
          onChange={(event) => {
            const chosen = event.currentTarget.value || null;
            onChange(chosen, chosen ? (modelName === offlineModel ? '' : modelName) : offlineModel);
          }}
        >
          <option value="">Built-in offline responder</option>
          {providers.value?.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
      </label>
      {providerId && (
        <label class="field">
          <span class="field-label">Model name</span>
          <input
            value={modelName}
            placeholder="e.g. gpt-4o-mini"
            onInput={(event) => onChange(providerId, event.currentTarget.value)}
            required
          />
        </label>
      )}
    </div>
  );
}
