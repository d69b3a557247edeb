import { Type } from 'typebox';
import { StrictObject } from '../native/schemas/common.js';

/** Every route accepts the key in the query, which is how browsers send it on CORS preflights too. */
export const KeyQuery = StrictObject({
  key: Type.Optional(Type.String({ maxLength: 200, description: 'The publishable key, if not in X-Widget-Key' })),
});

export const ConversationIdParams = StrictObject({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const SendBody = StrictObject({
  message: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
  conversationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Continue one of the visitor's conversations" })),
});

const Position = Type.Enum(['bottom-right', 'bottom-left']);

export const WidgetConfiguration = Type.Object({
  assistant: Type.Object({
    id: Type.String(),
    name: Type.String(),
    greeting: Type.String(),
    suggestedQuestions: Type.Array(Type.String()),
  }),
  appearance: Type.Object({
    title: Type.String(),
    primaryColor: Type.String(),
    textColor: Type.String(),
    position: Position,
    avatarUrl: Type.Union([Type.String(), Type.Null()]),
    launcherText: Type.String(),
  }),
});

export const VisitorData = Type.Object({
  visitorToken: Type.String({ description: 'Keep it (the widget uses localStorage) and send it as X-Visitor-Token' }),
});

export const ConversationSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const Citation = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  snippet: Type.Optional(Type.String()),
});

export const VisitorMessage = Type.Object({
  id: Type.String(),
  role: Type.Enum(['user', 'assistant']),
  content: Type.String(),
  status: Type.Enum(['complete', 'incomplete', 'failed']),
  citations: Type.Array(Citation),
  createdAt: Type.String(),
});

const WidgetErrorEnvelope = Type.Object({
  status: Type.Literal('error'),
  message: Type.String(),
  code: Type.String({ description: "seed 004's code: UNAUTHORIZED, FORBIDDEN, NOT_FOUND, RATE_LIMIT_EXCEEDED, ..." }),
  reason: Type.Optional(
    Type.String({
      description:
        'Why the widget was refused: key-missing, key-invalid, key-revoked, origin-not-allowed, ' +
        'assistant-unavailable, visitor-invalid or conversation-not-found',
    }),
  ),
});

/** Error responses every widget route may give, with the widget's `reason`. */
export const widgetErrorResponses = { '4xx': WidgetErrorEnvelope, '5xx': WidgetErrorEnvelope };
