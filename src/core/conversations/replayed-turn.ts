import type { MessageRow } from '../../storage/repositories/messages-repository.js';
import { toMessage } from './conversation.js';
import type { ConversationStreamEvent, TurnStarted } from './conversation-stream-event.js';
import { answerOrThrow, endEvent, type Turn, type TurnAnswer } from './turn.js';

/**
 * An earlier send returned again for its idempotency key: the stored question and answer,
 * streamed as one text delta, its sources and the same ending the first client saw.
 */
export class ReplayedTurn implements Turn {
  readonly replayed = true;

  constructor(
    readonly started: TurnStarted,
    private readonly userMessage: MessageRow,
    private readonly assistantMessage: MessageRow,
  ) {}

  async *stream(): AsyncGenerator<ConversationStreamEvent, void, undefined> {
    const message = toMessage(this.assistantMessage);
    yield { type: 'message-start', ...this.started };
    for (const source of message.citations) yield { type: 'source', source };
    if (message.content) yield { type: 'text-delta', delta: message.content };
    yield endEvent(message);
  }

  async answer(): Promise<TurnAnswer> {
    return answerOrThrow({
      ...this.started,
      userMessage: toMessage(this.userMessage),
      message: toMessage(this.assistantMessage),
    });
  }
}
