import { Link } from '../router.js';
import type { AssistantTab } from '../pages/assistant-page.js';

const labels: Record<AssistantTab, string> = {
  setup: 'Set-up',
  knowledge: 'Knowledge',
  playground: 'Playground',
  conversations: 'Conversations',
  widget: 'Website widget',
};

/** The sections of an assistant's page, as links so each has its own address. */
export function AssistantTabs({ chatbotId, current }: { chatbotId: string; current: AssistantTab }) {
  return (
    <nav class="tabs" aria-label="Assistant">
      {(Object.keys(labels) as AssistantTab[]).map((tab) => (
        <Link
          key={tab}
          href={tab === 'setup' ? `/assistants/${chatbotId}` : `/assistants/${chatbotId}/${tab}`}
          aria-current={tab === current ? 'page' : undefined}
        >
          {labels[tab]}
        </Link>
      ))}
    </nav>
  );
}
