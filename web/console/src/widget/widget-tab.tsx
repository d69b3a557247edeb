import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { Chatbot } from '../api/types.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useAction } from '../hooks/use-action.js';
import { useResource } from '../hooks/use-resource.js';
import { WidgetKeys } from './widget-keys.js';
import { WidgetPreview } from './widget-preview.js';
import { WidgetSettingsForm } from './widget-settings-form.js';

/** Put the assistant on a website: style the chat widget, then copy the snippet. */
export function WidgetTab({ chatbot }: { chatbot: Chatbot }) {
  const settings = useResource(() => api.widgets.settings(chatbot.id), [chatbot.id]);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    if (!settings.value) return;
    settings.set(await api.widgets.saveSettings(chatbot.id, settings.value));
    setSaved(true);
  });

  return (
    <div class="stack">
      <section class="card" aria-labelledby="widget-look">
        <h2 id="widget-look">Appearance</h2>
        {settings.loading && !settings.value && <Loading />}
        <ErrorNotice error={settings.error} missingFeature="The website widget is not available on this server yet." />
        {settings.value && (
          <div class="widget-editor">
            <WidgetSettingsForm
              settings={settings.value}
              onChange={(changed) => {
                setSaved(false);
                settings.set(changed);
              }}
              onSave={() => void save.run()}
              saving={save.pending}
              error={save.error}
              saved={saved}
            />
            <WidgetPreview settings={settings.value} fallbackGreeting={chatbot.greeting} />
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="widget-embed">
        <h2 id="widget-embed">Embed on your website</h2>
        <WidgetKeys chatbotId={chatbot.id} />
      </section>
    </div>
  );
}
