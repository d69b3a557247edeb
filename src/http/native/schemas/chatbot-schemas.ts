import { Type } from 'typebox';
import { PageQuery, StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const Text = (maxLength: number) => Type.String({ maxLength });

export const ChatbotName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const FewShotExample = StrictObject({
  question: Type.String({ minLength: 1, maxLength: 2000 }),
  answer: Type.String({ minLength: 1, maxLength: 4000 }),
});

/** The configuration fields every chatbot has, with their limits. */
export const chatbotFields = {
  description: Text(2000),
  instructions: Text(20_000),
  goal: Text(2000),
  agentName: Text(200),
  organisationName: Text(200),
  organisationDescription: Text(5000),
  examples: Type.Array(FewShotExample, { maxItems: 100 }),
  greeting: Text(1000),
  suggestedQuestions: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 10 }),
};

export const modelFields = {
  name: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'Model name; "docent-offline" for the built-in responder',
  }),
  temperature: Type.Number({ minimum: 0, maximum: 2 }),
  maxTokens: Type.Integer({ minimum: 1, maximum: 32_000 }),
};

const ProviderId = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], {
  description: 'The LLM provider to use; null for the built-in offline responder',
});

const ModelSettingsInput = StrictObject({
  providerId: Type.Optional(ProviderId),
  name: Type.Optional(modelFields.name),
  temperature: Type.Optional(modelFields.temperature),
  maxTokens: Type.Optional(modelFields.maxTokens),
});

const optionalChatbotFields = {
  description: Type.Optional(chatbotFields.description),
  instructions: Type.Optional(chatbotFields.instructions),
  goal: Type.Optional(chatbotFields.goal),
  agentName: Type.Optional(chatbotFields.agentName),
  organisationName: Type.Optional(chatbotFields.organisationName),
  organisationDescription: Type.Optional(chatbotFields.organisationDescription),
  examples: Type.Optional(chatbotFields.examples),
  greeting: Type.Optional(chatbotFields.greeting),
  suggestedQuestions: Type.Optional(chatbotFields.suggestedQuestions),
  model: Type.Optional(ModelSettingsInput),
};

export const CreateChatbotBody = StrictObject({ name: ChatbotName, ...optionalChatbotFields });

/** A partial update: fields left out keep their value, including each field of `model`. */
export const UpdateChatbotBody = StrictObject({ name: Type.Optional(ChatbotName), ...optionalChatbotFields });

export const ChatbotListQuery = StrictObject({
  ...PageQuery,
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name, case-insensitive' })),
  archived: Type.Enum(['false', 'true', 'all'], {
    default: 'false',
    description: 'false: live chatbots only; true: archived only; all: both',
  }),
});

export const Chatbot = Type.Object({
  id: Type.String(),
  ownerId: Type.String(),
  name: Type.String(),
  ...chatbotFields,
  model: Type.Object({ providerId: Type.Union([Type.String(), Type.Null()]), ...modelFields }),
  archivedAt: NullableTimestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ChatbotData = Type.Object({ chatbot: Chatbot });

export const FinalPromptData = Type.Object({ finalPrompt: Type.String() });
