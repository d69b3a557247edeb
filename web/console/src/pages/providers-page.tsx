import { api } from '../api/client.js';
import type { LlmConfig, LlmProvider } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';
import { NewProviderForm } from '../providers/new-provider-form.js';
import { ProviderCard } from '../providers/provider-card.js';

interface ProvidersAndKeys {
  providers: LlmProvider[];
  configs: LlmConfig[];
}

const loadProvidersAndKeys = async (): Promise<ProvidersAndKeys> => {
  const [providers, configs] = await Promise.all([api.providers.list(), api.providers.configs()]);
  return { providers, configs };
};

/** The language models assistants can use, and your own keys for them. */
export function ProvidersPage() {
  const data = useResource(loadProvidersAndKeys);
  return (
    <section class="stack">
      <header class="page-header">
        <h1>LLM providers</h1>
      </header>
      <p class="muted">
        Assistants answer with the built-in offline responder until you pick a provider in their set-up. Add your own
        key for a provider to use its models.
      </p>
      <ErrorNotice error={data.error} />
      {data.loading && !data.value && <Loading />}
      {data.value?.providers.length === 0 && <p class="card muted">No providers yet.</p>}
      <ul class="provider-list">
        {data.value?.providers.map((provider) => (
          <ProviderCard
            key={provider.id}
            provider={provider}
            config={data.value?.configs.find((config) => config.providerId === provider.id)}
            onChange={data.reload}
          />
        ))}
      </ul>
      <NewProviderForm onCreated={data.reload} />
    </section>
  );
}
