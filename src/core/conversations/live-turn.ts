import { streamChatTurn, type ChatTurnRequest } from '../../llm/chat-stream.js';
import type { MessageRow } from '../../storage/repositories/messages-repository.js';
import type { Store } from '../../storage/store.js';
import { toMessage, type ConversationMessage } from './conversation.js';
import type { ConversationStreamEvent, TurnStarted } from './conversation-stream-event.js';
import type { KnowledgePassage } from '../knowledge/knowledge-passage.js';
import { citedPassages, passageSource } from './grounding.js';
import { answerOrThrow, endEvent, type Turn, type TurnAnswer } from './turn.js';
import { outcomeColumns, toCitation, TurnRecorder, type TurnOutcome } from './turn-recorder.js';

/** The model call of a turn, less the abort signal that each run brings. */
export type TurnModelCall = Omit<ChatTurnRequest, 'abortSignal'>;

/**
 * A turn that runs now. Its question and an `incomplete` answer are already stored; the model
 * call streams into memory only, and the answer row is written once, when the turn ends
 * (together with the idempotency key's completion, so a retry never sees one without the other).
 */
export class LiveTurn implements Turn {
  readonly replayed = false;
  private ran = false;
  private storedAnswer: ConversationMessage | undefined;

  constructor(
    private readonly store: Store,
    readonly started: TurnStarted,
    private readonly userMessage: MessageRow,
    private readonly assistantMessage: MessageRow,
    private readonly call: TurnModelCall,
    private readonly idempotencyKeyId: string | undefined,
    /** The passages the prompt offered, to cite the ones a remote model's answer refers to. */
    private readonly passages: readonly KnowledgePassage[] = [],
  ) {}

  async *stream(signal?: AbortSignal): AsyncGenerator<ConversationStreamEvent, void, undefined> {
    if (this.ran) throw new Error('A turn runs once');
    this.ran = true;
    yield { type: 'message-start', ...this.started };
    const recorder = new TurnRecorder();
    let saving: Promise<ConversationMessage> | undefined;
    try {
      let modelCitedSources = false;
      let text = '';
      for await (const event of streamChatTurn({ ...this.call, abortSignal: signal })) {
        if (event.type === 'finish' && !modelCitedSources) {
          // A remote model cites by [n] as the prompt asks: turn those into sources before the end.
          for (const passage of citedPassages(text, this.passages)) {
            const source = { type: 'source' as const, source: passageSource(passage) };
            recorder.record(source);
            yield { type: 'source', source: toCitation(source.source) };
          }
        }
        recorder.record(event);
        if (event.type === 'text-delta') {
          text += event.delta;
          yield event;
        }
        if (event.type === 'source') {
          modelCitedSources = true;
          yield { type: 'source', source: toCitation(event.source) };
        }
      }
      const outcome = recorder.outcome();
      saving = this.save(outcome);
      yield endEvent(await saving, outcome.error?.retryable);
    } finally {
      // The consumer stopped early: keep what arrived, marked incomplete.
      if (!saving) await this.save(recorder.outcome());
    }
  }

  async answer(signal?: AbortSignal): Promise<TurnAnswer> {
    for await (const _event of this.stream(signal));
    const message = this.storedAnswer;
    if (!message) throw new Error('The turn ended without storing its answer');
    return answerOrThrow({ ...this.started, userMessage: toMessage(this.userMessage), message });
  }

  private async save(outcome: TurnOutcome): Promise<ConversationMessage> {
    const completedAt = new Date().toISOString();
    const columns = outcomeColumns(outcome, completedAt);
    const keyId = this.idempotencyKeyId;
    if (keyId) {
      await this.store.transaction(async (repositories) => {
        await repositories.messages.update(this.assistantMessage.id, columns);
        await repositories.idempotencyKeys.markCompleted(keyId, completedAt);
      });
    } else {
      await this.store.messages.update(this.assistantMessage.id, columns);
    }
    this.storedAnswer = toMessage({ ...this.assistantMessage, ...columns });
    return this.storedAnswer;
  }
}
