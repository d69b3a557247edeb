import { Type } from 'typebox';
import { chatbotExportFormat, chatbotExportVersion } from '../../../core/assistants/chatbot-export.js';
import { maxPersonalitiesPerChatbot } from '../../../core/assistants/personality.js';
import { Chatbot, ChatbotName, chatbotFields, modelFields } from './chatbot-schemas.js';
import { StrictObject } from './common.js';
import { Personality, personalityFields } from './personality-schemas.js';

/**
 * The export file, version 1. Import validates it as strictly as any request: every field
 * present, nothing unknown, the same limits as the create routes.
 */
export const ChatbotExportDocument = StrictObject({
  format: Type.Literal(chatbotExportFormat),
  version: Type.Literal(chatbotExportVersion),
  exportedAt: Type.Optional(Type.String({ format: 'date-time' })),
  chatbot: StrictObject({
    name: ChatbotName,
    ...chatbotFields,
    model: StrictObject(modelFields),
  }),
  personalities: Type.Array(StrictObject({ ...personalityFields, isDefault: Type.Boolean() }), {
    maxItems: maxPersonalitiesPerChatbot,
  }),
});

export const ChatbotWithPersonalitiesData = Type.Object({ chatbot: Chatbot, personalities: Type.Array(Personality) });
