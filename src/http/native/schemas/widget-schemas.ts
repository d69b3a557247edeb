import { Type } from 'typebox';
import { StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

export const CreateWidgetKeyBody = StrictObject({
  allowedOrigins: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), {
    minItems: 1,
    maxItems: 20,
    description: 'Web origins allowed to embed the widget, such as https://example.com or http://localhost:8080',
  }),
});

export const WidgetKey = Type.Object({
  id: Type.String(),
  chatbotId: Type.String(),
  key: Type.String({ description: 'The publishable key (pk_...), public by design: it goes in the embed snippet' }),
  allowedOrigins: Type.Array(Type.String()),
  createdAt: Timestamp,
  rotatedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
});

const HexColor = Type.String({ pattern: '^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$', description: 'Hex colour, e.g. #2563eb' });
const Position = Type.Enum(['bottom-right', 'bottom-left']);
const Title = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
const LauncherText = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const AvatarUrl = Type.String({ maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'An http(s) image URL' });
const Greeting = Type.String({ maxLength: 1000 });
const SuggestedQuestions = Type.Array(Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }), { maxItems: 10 });

/** PUT replaces the whole appearance; optional fields left out (or null) fall back to the chatbot's own. */
export const WidgetSettingsBody = StrictObject({
  title: Title,
  primaryColor: HexColor,
  textColor: HexColor,
  position: Position,
  launcherText: LauncherText,
  avatarUrl: Type.Optional(Type.Union([AvatarUrl, Type.Null()])),
  greeting: Type.Optional(Type.Union([Greeting, Type.Null()], { description: "Null: the chatbot's own greeting" })),
  suggestedQuestions: Type.Optional(
    Type.Union([SuggestedQuestions, Type.Null()], { description: "Null: the chatbot's own suggested questions" }),
  ),
});

export const WidgetSettings = Type.Object({
  title: Type.String(),
  primaryColor: Type.String(),
  textColor: Type.String(),
  position: Position,
  launcherText: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
  greeting: Type.Union([Type.String(), Type.Null()]),
  suggestedQuestions: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
