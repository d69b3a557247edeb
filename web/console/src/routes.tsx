import { ApiKeysPage } from './pages/api-keys-page.js';
import { AssistantPage, assistantTabs, type AssistantTab } from './pages/assistant-page.js';
import { AssistantsPage } from './pages/assistants-page.js';
import { NewAssistantPage } from './pages/new-assistant-page.js';
import { ProvidersPage } from './pages/providers-page.js';
import { Link, matchPath, usePath } from './router.js';

const isAssistantTab = (tab: string): tab is AssistantTab => (assistantTabs as readonly string[]).includes(tab);

/** Picks the page for the current path. */
export function Routes() {
  const path = usePath();
  if (matchPath('/', path) || matchPath('/sign-in', path)) return <AssistantsPage />;
  if (matchPath('/assistants/new', path)) return <NewAssistantPage />;
  if (matchPath('/api-keys', path)) return <ApiKeysPage />;
  if (matchPath('/providers', path)) return <ProvidersPage />;
  const assistant = matchPath('/assistants/:id', path) ?? matchPath('/assistants/:id/:tab', path);
  if (assistant?.id) {
    const tab = assistant.tab ?? 'setup';
    if (isAssistantTab(tab)) return <AssistantPage key={assistant.id} chatbotId={assistant.id} tab={tab} />;
  }
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to your assistants</Link>
      </p>
    </section>
  );
}
