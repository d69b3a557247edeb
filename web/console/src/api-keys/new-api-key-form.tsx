import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { ApiKeyScope } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { useAction } from '../hooks/use-action.js';

/** Names a new key and chooses whether it may change things or only read them. */
export function NewApiKeyForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const create = useAction(async () => {
    const scopes: ApiKeyScope[] = readOnly ? ['read'] : ['read', 'write'];
    const created = await api.apiKeys.create(name.trim(), scopes);
    setName('');
    onCreated(created.key);
  });
  return (
    <form
      class="card form"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run();
      }}
    >
      <h2>Create a key</h2>
      <Field label="Name" hint="Where the key will be used, e.g. “Website backend”.">
        <input value={name} onInput={(event) => setName(event.currentTarget.value)} maxLength={100} required />
      </Field>
      <label class="checkbox">
        <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.currentTarget.checked)} />
        Read-only (can chat and read, cannot change anything)
      </label>
      <ErrorNotice error={create.error} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={create.pending}>
          Create key
        </button>
      </div>
    </form>
  );
}
