import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chatbot } from '../api/types.js';
import { ChatTurnView } from './chat-turn-view.js';
import { FinalPromptDialog } from './final-prompt-dialog.js';
import { MessageComposer } from './message-composer.js';
import { useChat } from './use-chat.js';

/** Talk to the assistant as a visitor would, and look at the prompt it answers with. */
export function PlaygroundTab({ chatbot }: { chatbot: Chatbot }) {
  const chat = useChat(chatbot.id);
  const [showPrompt, setShowPrompt] = useState(false);
  const transcript = useRef<HTMLOListElement>(null);
  const lastTurn = chat.turns.at(-1);

  useEffect(() => {
    const list = transcript.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [chat.turns.length, lastTurn?.answer.length]);

  return (
    <div class="card playground">
      <div class="playground-toolbar">
        <p class="muted">Test your assistant. Conversations here are saved to its logs.</p>
        <div class="actions">
          <button type="button" class="button button-ghost" onClick={chat.restart} disabled={chat.turns.length === 0}>
            New conversation
          </button>
          <button type="button" class="button button-secondary" onClick={() => setShowPrompt(true)}>
            Show final prompt
          </button>
        </div>
      </div>
      <ol ref={transcript} class="transcript" aria-live="polite" aria-label="Conversation">
        {chat.turns.length === 0 && <li class="muted transcript-empty">{chatbot.greeting || 'Ask a question to begin.'}</li>}
        {chat.turns.map((turn) => (
          <ChatTurnView key={turn.id} turn={turn} chatbotId={chatbot.id} />
        ))}
      </ol>
      <MessageComposer busy={chat.busy} onSend={(message) => void chat.send(message)} onStop={chat.stop} />
      {showPrompt && <FinalPromptDialog chatbotId={chatbot.id} onClose={() => setShowPrompt(false)} />}
    </div>
  );
}
