import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Field } from '../components/field.js';
import { Loading } from '../components/loading.js';
import { useAction } from '../hooks/use-action.js';
import { useResource } from '../hooks/use-resource.js';
import { EmbedSnippet } from './embed-snippet.js';

const widgetUnavailable = 'The website widget is not available on this server yet.';

/** Where the widget may run: its publishable key, the sites allowed to use it, and the snippet. */
export function WidgetKeys({ chatbotId }: { chatbotId: string }) {
  const keys = useResource(() => api.widgets.keys(chatbotId), [chatbotId]);
  const [origins, setOrigins] = useState('');
  const create = useAction(async () => {
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    await api.widgets.createKey(chatbotId, allowedOrigins);
    keys.reload();
  });
  const revoke = useAction(async (widgetKeyId: string) => {
    await api.widgets.revokeKey(widgetKeyId);
    keys.reload();
  });
  const active = keys.value?.find((key) => !key.revokedAt);

  if (keys.loading && !keys.value) return <Loading />;
  if (keys.error) return <ErrorNotice error={keys.error} missingFeature={widgetUnavailable} />;
  if (!active) {
    return (
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          void create.run();
        }}
      >
        <Field label="Your website's address" hint="Where the chat will appear, e.g. https://www.example.com. Several? One per line.">
          <textarea rows={2} value={origins} onInput={(event) => setOrigins(event.currentTarget.value)} required />
        </Field>
        <ErrorNotice error={create.error} missingFeature={widgetUnavailable} />
        <button type="submit" class="button button-primary" disabled={create.pending}>
          Get the embed code
        </button>
      </form>
    );
  }
  return (
    <div class="stack">
      <EmbedSnippet publishableKey={active.key} />
      <p class="muted">Works on: {active.allowedOrigins.join(', ')}</p>
      <ErrorNotice error={revoke.error} />
      <div class="actions">
        <button type="button" class="button button-ghost" onClick={() => void revoke.run(active.id)} disabled={revoke.pending}>
          Revoke this key
        </button>
      </div>
    </div>
  );
}
