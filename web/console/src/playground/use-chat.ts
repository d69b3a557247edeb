import { useRef, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { describeError } from '../api/describe-error.js';
import type { ChatEvent, ChatSource } from '../api/types.js';

export interface ChatTurn {
  /** Local until the server names the stored answer. */
  id: string;
  question: string;
  answer: string;
  sources: ChatSource[];
  state: 'streaming' | 'done' | 'failed';
  error?: string;
  /** The stored answer's id, once the server sent it; ratings refer to it. */
  messageId?: string;
}

/** A playground conversation: sends questions and grows each answer as its tokens stream in. */
export function useChat(chatbotId: string) {
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const conversationId = useRef<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const updateTurn = (id: string, change: (turn: ChatTurn) => ChatTurn) =>
    setTurns((current) => current.map((turn) => (turn.id === id ? change(turn) : turn)));

  const apply = (id: string, event: ChatEvent) => {
    if (event.type === 'message-start') {
      conversationId.current = event.conversationId;
      updateTurn(id, (turn) => ({ ...turn, messageId: event.assistantMessageId }));
    } else if (event.type === 'text-delta') updateTurn(id, (turn) => ({ ...turn, answer: turn.answer + event.delta }));
    else if (event.type === 'source') updateTurn(id, (turn) => ({ ...turn, sources: [...turn.sources, event.source] }));
    else if (event.type === 'finish') updateTurn(id, (turn) => ({ ...turn, state: 'done', messageId: event.messageId }));
    else if (event.type === 'error') updateTurn(id, (turn) => ({ ...turn, state: 'failed', error: event.message }));
  };

  const send = async (question: string) => {
    const id = crypto.randomUUID();
    setTurns((current) => [...current, { id, question, answer: '', sources: [], state: 'streaming' }]);
    const controller = new AbortController();
    abort.current = controller;
    try {
      for await (const event of api.conversations.ask(chatbotId, question, conversationId.current, controller.signal)) {
        apply(id, event);
      }
      updateTurn(id, (turn) => (turn.state === 'streaming' ? { ...turn, state: 'done' } : turn));
    } catch (error) {
      const message = controller.signal.aborted ? 'Stopped.' : describeError(error, 'The playground is not available on this server yet.');
      updateTurn(id, (turn) => ({ ...turn, state: 'failed', error: message }));
    } finally {
      abort.current = null;
    }
  };

  const restart = () => {
    abort.current?.abort();
    conversationId.current = null;
    setTurns([]);
  };

  const busy = turns.at(-1)?.state === 'streaming';
  return { turns, send, stop: () => abort.current?.abort(), restart, busy };
}
