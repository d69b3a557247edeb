import type { Chatbot, ChatbotConfiguration, ModelSettings } from './chatbot.js';
import type { Personality, PersonalityConfiguration } from './personality.js';

export const chatbotExportFormat = 'docent.chatbot';
export const chatbotExportVersion = 1;

/** Model settings without the provider: a provider belongs to one account and holds its key. */
export type PortableModelSettings = Omit<ModelSettings, 'providerId'>;

/**
 * The versioned file a chatbot exports to and imports from. It carries configuration only:
 * no ids (not the chatbot's, its owner's or a provider's), no timestamps of its rows, no secrets.
 */
export interface ChatbotExport {
  format: typeof chatbotExportFormat;
  version: typeof chatbotExportVersion;
  exportedAt: string;
  chatbot: Omit<ChatbotConfiguration, 'model'> & { model: PortableModelSettings };
  personalities: PersonalityConfiguration[];
}

/** What import accepts: an export, where the export time is informative only. */
export type ChatbotImport = Omit<ChatbotExport, 'exportedAt'> & { exportedAt?: string | undefined };

export function buildChatbotExport(chatbot: Chatbot, personalities: Personality[], exportedAt: string): ChatbotExport {
  return {
    format: chatbotExportFormat,
    version: chatbotExportVersion,
    exportedAt,
    chatbot: {
      name: chatbot.name,
      description: chatbot.description,
      instructions: chatbot.instructions,
      goal: chatbot.goal,
      agentName: chatbot.agentName,
      organisationName: chatbot.organisationName,
      organisationDescription: chatbot.organisationDescription,
      examples: chatbot.examples,
      greeting: chatbot.greeting,
      suggestedQuestions: chatbot.suggestedQuestions,
      model: { name: chatbot.model.name, temperature: chatbot.model.temperature, maxTokens: chatbot.model.maxTokens },
    },
    personalities: personalities.map((personality) => ({
      name: personality.name,
      description: personality.description,
      tone: personality.tone,
      style: personality.style,
      traits: personality.traits,
      customInstructions: personality.customInstructions,
      isDefault: personality.isDefault,
    })),
  };
}

/**
 * A download name safe in any header and file system: the chatbot's name reduced to lower-case
 * ASCII letters, digits and dashes, e.g. "Support Bot (Copy)" → "support-bot-copy.docent.json".
 */
export function exportFileName(chatbotName: string): string {
  const slug = chatbotName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'chatbot'}.docent.json`;
}
