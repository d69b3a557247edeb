import type { EndUserKind, MessageRole, MessageStatus } from '../../storage/schema.js';
import type { ConversationRecord } from '../../storage/repositories/conversations-repository.js';
import type { MessageRow } from '../../storage/repositories/messages-repository.js';

export type { EndUserKind, MessageRole, MessageStatus };

/** A source an answer drew on, as stored with the message and shown to the user. */
export interface Citation {
  id: string;
  title: string;
  url?: string;
  location?: string;
  snippet?: string;
}

export interface MessageUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** True when the provider reported no usage and the figures were counted locally. */
  estimated: boolean;
}

/** Milliseconds from calling the model to its first text, and to the end of the answer. */
export interface MessageLatency {
  firstTokenMs: number | null;
  totalMs: number | null;
}

/**
 * One message of a conversation's tree. A user message's parent is the answer it follows (null
 * for the first question); an assistant message's parent is the question it answers. Only
 * assistant messages carry a model, usage, latency and citations.
 */
export interface ConversationMessage {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  /** `incomplete` while the answer is being written, or when it was cut off before its end. */
  status: MessageStatus;
  error: { code: string; message: string } | null;
  model: { name: string; providerType: string } | null;
  finishReason: string | null;
  usage: MessageUsage | null;
  latency: MessageLatency | null;
  citations: Citation[];
  createdAt: string;
  completedAt: string | null;
}

/** Who a conversation is with when it is not the platform account itself. */
export interface EndUserReference {
  kind: EndUserKind;
  /** The id the widget, channel or API caller knows the person by. */
  externalId: string;
}

export interface Conversation {
  id: string;
  chatbotId: string;
  title: string;
  endUser: EndUserReference | null;
  /** The newest message of the current branch: where a send without `parentId` continues. */
  currentMessageId: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toConversation(record: ConversationRecord): Conversation {
  return {
    id: record.id,
    chatbotId: record.chatbotId,
    title: record.title,
    endUser:
      record.endUserKind && record.endUserExternalId !== null
        ? { kind: record.endUserKind, externalId: record.endUserExternalId }
        : null,
    currentMessageId: record.currentMessageId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toMessage(row: MessageRow): ConversationMessage {
  const isAnswer = row.role === 'assistant';
  return {
    id: row.id,
    conversationId: row.conversationId,
    parentId: row.parentId,
    role: row.role,
    content: row.content,
    status: row.status,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
    model: row.modelName !== null ? { name: row.modelName, providerType: row.providerType ?? '' } : null,
    finishReason: row.finishReason,
    usage:
      row.inputTokens !== null && row.outputTokens !== null
        ? {
            inputTokens: row.inputTokens,
            outputTokens: row.outputTokens,
            totalTokens: row.totalTokens ?? row.inputTokens + row.outputTokens,
            estimated: row.usageEstimated === 1,
          }
        : null,
    latency: isAnswer ? { firstTokenMs: row.firstTokenMs, totalMs: row.totalMs } : null,
    citations: JSON.parse(row.citations) as Citation[],
    createdAt: row.createdAt,
    completedAt: row.completedAt,
  };
}
