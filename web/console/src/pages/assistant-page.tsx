import type { Chatbot } from '../api/types.js';
import { api } from '../api/client.js';
import { AssistantTabs } from '../assistant/assistant-tabs.js';
import { SetupTab } from '../assistant/setup-tab.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { ConversationsTab } from '../conversations/conversations-tab.js';
import { useResource } from '../hooks/use-resource.js';
import { KnowledgeOverview } from '../knowledge/knowledge-overview.js';
import { PlaygroundTab } from '../playground/playground-tab.js';
import { WidgetTab } from '../widget/widget-tab.js';

export const assistantTabs = ['setup', 'knowledge', 'playground', 'conversations', 'widget'] as const;
export type AssistantTab = (typeof assistantTabs)[number];

/** One assistant: its set-up, knowledge, playground, conversation logs and website widget. */
export function AssistantPage({ chatbotId, tab }: { chatbotId: string; tab: AssistantTab }) {
  const chatbot = useResource(() => api.chatbots.get(chatbotId), [chatbotId]);
  if (!chatbot.value) return chatbot.error ? <ErrorNotice error={chatbot.error} /> : <Loading />;
  return (
    <section>
      <header class="page-header">
        <h1>{chatbot.value.name}</h1>
      </header>
      <AssistantTabs chatbotId={chatbotId} current={tab} />
      <TabContent chatbot={chatbot.value} tab={tab} onChange={chatbot.set} />
    </section>
  );
}

function TabContent({ chatbot, tab, onChange }: { chatbot: Chatbot; tab: AssistantTab; onChange: (chatbot: Chatbot) => void }) {
  switch (tab) {
    case 'setup':
      return <SetupTab chatbot={chatbot} onSaved={onChange} />;
    case 'knowledge':
      return <KnowledgeOverview chatbotId={chatbot.id} allowUpload />;
    case 'playground':
      return <PlaygroundTab chatbot={chatbot} />;
    case 'conversations':
      return <ConversationsTab chatbotId={chatbot.id} />;
    case 'widget':
      return <WidgetTab chatbot={chatbot} />;
  }
}
