import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ApiKeyRow } from '../api-keys/api-key-row.js';
import { NewApiKeyForm } from '../api-keys/new-api-key-form.js';
import { NewSecretNotice } from '../api-keys/new-secret-notice.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';

/** Keys for calling the API from your own code: create (secret shown once), list masked, revoke. */
export function ApiKeysPage() {
  const keys = useResource(() => api.apiKeys.list());
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <section class="stack">
      <header class="page-header">
        <h1>API keys</h1>
      </header>
      {secret ? (
        <NewSecretNotice secret={secret} onDone={() => setSecret(null)} />
      ) : (
        <NewApiKeyForm
          onCreated={(created) => {
            setSecret(created);
            keys.reload();
          }}
        />
      )}
      <div class="card">
        <h2>Your keys</h2>
        <ErrorNotice error={keys.error} />
        {keys.loading && !keys.value && <Loading />}
        {keys.value?.length === 0 && <p class="muted">No keys yet.</p>}
        {keys.value && keys.value.length > 0 && (
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Access</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.value.map((apiKey) => (
                  <ApiKeyRow key={apiKey.id} apiKey={apiKey} onRevoked={keys.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
