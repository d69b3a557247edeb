import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { LlmConfig } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useAction } from '../hooks/use-action.js';

interface ProviderKeyProps {
  providerId: string;
  providerName: string;
  /** Your saved key for this provider, masked; absent when none is saved. */
  config?: LlmConfig;
  onChange: () => void;
}

/** Your API key for one provider: stored encrypted, only its mask ever comes back. */
export function ProviderKey({ providerId, providerName, config, onChange }: ProviderKeyProps) {
  const [apiKey, setApiKey] = useState('');
  const save = useAction(async () => {
    await api.providers.saveKey(providerId, apiKey.trim());
    setApiKey('');
    onChange();
  });
  const remove = useAction(async () => {
    if (!config) return;
    await api.providers.deleteKey(config.id);
    onChange();
  });
  return (
    <form
      class="provider-key"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <span class="muted">{config ? <>Your key: <code>{config.apiKeyMask}</code></> : 'No key saved'}</span>
      <label class="visually-hidden" for={`key-${providerId}`}>
        API key for {providerName}
      </label>
      <input
        id={`key-${providerId}`}
        type="password"
        autocomplete="off"
        placeholder={config ? 'Replace key' : 'Paste API key'}
        value={apiKey}
        onInput={(event) => setApiKey(event.currentTarget.value)}
        required
      />
      <button type="submit" class="button button-secondary" disabled={save.pending}>
        Save key
      </button>
      {config && (
        <button type="button" class="button button-ghost" onClick={() => void remove.run()} disabled={remove.pending}>
          Remove key
        </button>
      )}
      <ErrorNotice error={save.error ?? remove.error} />
    </form>
  );
}
