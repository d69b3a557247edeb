import { useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';
import { ConversationLog, logsUnavailable } from './conversation-log.js';

/** What people asked the assistant, newest first; open one to read it and rate the answers. */
export function ConversationsTab({ chatbotId }: { chatbotId: string }) {
  const conversations = useResource(() => api.conversations.list(chatbotId), [chatbotId]);
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <div class="logs">
      <section class="card logs-list" aria-label="Conversations">
        <ErrorNotice error={conversations.error} missingFeature={logsUnavailable} />
        {conversations.loading && !conversations.value && <Loading />}
        {conversations.value?.length === 0 && <p class="muted">No conversations yet. Try the playground.</p>}
        <ul>
          {conversations.value?.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                class="log-entry"
                aria-current={conversation.id === openId ? 'true' : undefined}
                onClick={() => setOpenId(conversation.id)}
              >
                <span class="log-title">{conversation.title || 'Untitled'}</span>
                <span class="muted">
                  {conversation.endUser ? `${conversation.endUser.kind} visitor` : 'You'} ·{' '}
                  {new Date(conversation.updatedAt).toLocaleString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {openId && <ConversationLog key={openId} chatbotId={chatbotId} conversationId={openId} />}
    </div>
  );
}
