import { api } from '../api/client.js';
import { ErrorNotice } from '../components/error-notice.js';
import { Loading } from '../components/loading.js';
import { useResource } from '../hooks/use-resource.js';
import { Citations } from '../playground/citations.js';
import { RatingButtons } from '../playground/rating-buttons.js';

export const logsUnavailable = 'Conversation logs are not available on this server yet.';

/** One conversation's messages, with each answer's sources and a way to rate it. */
export function ConversationLog({ chatbotId, conversationId }: { chatbotId: string; conversationId: string }) {
  const messages = useResource(() => api.conversations.messages(conversationId), [conversationId]);
  return (
    <section class="card logs-detail" aria-label="Messages">
      <ErrorNotice error={messages.error} missingFeature={logsUnavailable} />
      {messages.loading && !messages.value && <Loading />}
      <ol class="transcript">
        {messages.value?.map((message) => (
          <li key={message.id} class={`bubble ${message.role === 'user' ? 'bubble-question' : 'bubble-answer'}`}>
            <p class="answer-text">{message.content}</p>
            {message.role === 'assistant' && (
              <>
                <Citations sources={message.citations} />
                <RatingButtons chatbotId={chatbotId} messageId={message.id} />
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
