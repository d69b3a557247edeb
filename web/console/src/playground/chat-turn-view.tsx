import type { ChatTurn } from './use-chat.js';
import { Citations } from './citations.js';
import { RatingButtons } from './rating-buttons.js';

/** A question and its answer as it streams, with the sources it cites. */
export function ChatTurnView({ turn, chatbotId }: { turn: ChatTurn; chatbotId: string }) {
  return (
    <li class="turn">
      <p class="bubble bubble-question">{turn.question}</p>
      <div class="bubble bubble-answer" aria-busy={turn.state === 'streaming'}>
        {turn.answer ? <p class="answer-text">{turn.answer}</p> : turn.state === 'streaming' && <p class="muted typing">Thinking…</p>}
        {turn.error && (
          <p class="notice notice-error" role="alert">
            {turn.error}
          </p>
        )}
        <Citations sources={turn.sources} />
        {turn.state === 'done' && turn.messageId && <RatingButtons chatbotId={chatbotId} messageId={turn.messageId} />}
      </div>
    </li>
  );
}
