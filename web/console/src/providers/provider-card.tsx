import { api } from '../api/client.js';
import type { LlmConfig, LlmProvider } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { useAction } from '../hooks/use-action.js';
import { ProviderKey } from './provider-key.js';

interface ProviderCardProps {
  provider: LlmProvider;
  config?: LlmConfig;
  onChange: () => void;
}

/** One provider: what it is, your key for it, and (for your own) a way to delete it. */
export function ProviderCard({ provider, config, onChange }: ProviderCardProps) {
  const remove = useAction(async () => {
    if (!confirm(`Delete “${provider.name}” and your key for it?`)) return;
    await api.providers.delete(provider.id);
    onChange();
  });
  return (
    <li class="card">
      <div class="provider-heading">
        <h2>{provider.name}</h2>
        <span class="badge">{provider.scope === 'global' ? 'Shared' : 'Yours'}</span>
        <span class="muted">
          {provider.type}
          {provider.apiEndpoint && ` · ${provider.apiEndpoint}`}
        </span>
        {provider.scope === 'private' && (
          <button type="button" class="button button-ghost push-right" onClick={() => void remove.run()} disabled={remove.pending}>
            Delete
          </button>
        )}
      </div>
      <ErrorNotice error={remove.error} />
      <ProviderKey providerId={provider.id} providerName={provider.name} config={config} onChange={onChange} />
    </li>
  );
}
