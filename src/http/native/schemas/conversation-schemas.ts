import { Type, type TSchema } from 'typebox';
import { PageQuery, StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });
const idLimits = { minLength: 1, maxLength: 64 };
const Id = Type.String(idLimits);
const Nullable = <Schema extends TSchema>(schema: Schema) => Type.Union([schema, Type.Null()]);

export const EndUserId = Type.String({
  minLength: 1,
  maxLength: 200,
  description:
    'Your own id for the person you chat on behalf of (an end user, not a platform account). Their ' +
    'conversations are kept apart: a conversation of one end user cannot be continued as another.',
});

export const SendMessageBody = StrictObject({
  message: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 32_000,
      pattern: '\\S',
      description: 'The question. Required, except when regenerating (then it must be left out).',
    }),
  ),
  conversationId: Type.Optional(Type.String({ ...idLimits, description: 'Continue this conversation; leave out to start a new one.' })),
  parentId: Type.Optional(
    Type.Union([Id, Type.Null()], {
      description:
        'Where the new message goes in the conversation tree. Left out: after the newest answer of the current ' +
        'branch. An answer id: a follow-up to that answer (a new branch if it already has one). null: a new first ' +
        "question. To edit a question, send the new text with the edited question's parentId. With regenerate, the " +
        'id of the question to answer again. Requires conversationId.',
    }),
  ),
  regenerate: Type.Optional(
    Type.Boolean({
      description:
        'Answer the question named by parentId again, without a new question: the new answer becomes a sibling of ' +
        'the earlier ones and the current branch. Leave message out.',
    }),
  ),
  stream: Type.Optional(
    Type.Union([Type.Boolean(), Type.Enum(['sse', 'ndjson'])], {
      description:
        'false: one JSON envelope. "sse": Server-Sent Events. "ndjson": one JSON event per line. true: SSE, or ' +
        'NDJSON when Accept names application/x-ndjson. Left out: decided by Accept (text/event-stream, ' +
        'application/x-ndjson), JSON otherwise. Events: message-start, text-delta, source, then finish or error.',
    }),
  ),
  endUserId: Type.Optional(EndUserId),
});

export const SendMessageHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description:
        'Makes a retried send return the first result (same ids, no new messages). The same key with a different ' +
        'body is a 409; a retry while the first request still runs is a 409 too: retry after it ended.',
    }),
  ),
});

export const Citation = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  snippet: Type.Optional(Type.String()),
});

export const Message = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  parentId: Nullable(Type.String()),
  role: Type.Enum(['user', 'assistant']),
  content: Type.String(),
  status: Type.Enum(['complete', 'incomplete', 'failed'], {
    description: 'incomplete: still being written, or cut off (e.g. the client disconnected); failed: see error',
  }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  model: Nullable(Type.Object({ name: Type.String(), providerType: Type.String() })),
  finishReason: Nullable(Type.String()),
  usage: Nullable(
    Type.Object({
      inputTokens: Type.Integer(),
      outputTokens: Type.Integer(),
      totalTokens: Type.Integer(),
      estimated: Type.Boolean(),
    }),
  ),
  latency: Nullable(Type.Object({ firstTokenMs: Nullable(Type.Integer()), totalMs: Nullable(Type.Integer()) })),
  citations: Type.Array(Citation),
  createdAt: Timestamp,
  completedAt: Nullable(Timestamp),
});

export const EndUser = Type.Object({ kind: Type.Enum(['api', 'widget', 'channel']), externalId: Type.String() });

export const Conversation = Type.Object({
  id: Type.String(),
  chatbotId: Type.String(),
  title: Type.String(),
  endUser: Nullable(EndUser),
  currentMessageId: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SendMessageData = Type.Object({
  conversationId: Type.String(),
  title: Type.String(),
  userMessage: Message,
  message: Message,
  citations: Type.Array(Citation),
});

export const ConversationData = Type.Object({ conversation: Conversation, messages: Type.Array(Message) });

export const ConversationListQuery = StrictObject({
  ...PageQuery,
  endUserId: Type.Optional(EndUserId),
});

export const HistoryQuery = StrictObject({
  ...PageQuery,
  conversationId: Type.Optional(
    Type.String({
      ...idLimits,
      description: "The conversation whose current branch to page through; left out: the caller's conversations",
    }),
  ),
  endUserId: Type.Optional(EndUserId),
});

export const ConversationViewQuery = StrictObject({
  view: Type.Enum(['tree', 'branch'], {
    default: 'tree',
    description: 'tree: every message (rebuild the tree from parentId); branch: from the root to leafId',
  }),
  leafId: Type.Optional(Type.String({ ...idLimits, description: "The branch's last message; default: the current one" })),
});

export const ChatbotIdParams = StrictObject({ id: Id });
