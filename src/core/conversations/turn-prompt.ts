import type { SharedV3ProviderOptions } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
import { offlineProviderOptions } from '../../llm/offline/offline-knowledge.js';
import { trimHistoryToBudget } from '../../llm/token-budget.js';
import type { MessageRow } from '../../storage/repositories/messages-repository.js';
import type { Chatbot } from '../assistants/chatbot.js';
import { renderSystemPrompt } from '../assistants/final-prompt.js';
import type { Personality } from '../assistants/personality.js';
import type { KnowledgePassage } from '../knowledge/knowledge-passage.js';

/** Everything a model call needs from the chatbot and the branch, besides the model itself. */
export interface TurnPrompt {
  system: string;
  messages: ModelMessage[];
  temperature: number;
  maxOutputTokens: number;
  /** The offline responder's knowledge; remote providers ignore it and read the system prompt. */
  providerOptions: SharedV3ProviderOptions;
}

/**
 * The prompt for one turn: the chatbot's system prompt with its default personality, and the
 * branch from the root to the new question (never the rest of the tree), trimmed oldest turn
 * first to the model's context budget. Answers that produced no text (failed before any) are
 * left out: there is nothing in them for the model to read. Retrieved passages go into the system
 * prompt as fenced reference data. The offline responder receives the chatbot's identity, examples
 * and passages structured, through provider options, rather than as prompt text a document could
 * imitate.
 */
export function buildTurnPrompt(input: {
  chatbot: Chatbot;
  personality: Personality | undefined;
  branch: readonly MessageRow[];
  modelName: string;
  /** Retrieved from the chatbot's knowledge bases; undefined when it has none attached. */
  passages: readonly KnowledgePassage[] | undefined;
}): TurnPrompt {
  const { chatbot, personality, branch, modelName, passages } = input;
  const system = renderSystemPrompt({ chatbot, personality, ...(passages && { context: { passages: [...passages] } }) });
  const history: ModelMessage[] = branch
    .filter((message) => message.role === 'user' || message.content.length > 0)
    .map((message) => ({ role: message.role, content: message.content }));
  const { messages } = trimHistoryToBudget({ modelId: modelName, system, messages: history, maxOutputTokens: chatbot.model.maxTokens });
  return {
    system,
    messages,
    temperature: chatbot.model.temperature,
    maxOutputTokens: chatbot.model.maxTokens,
    providerOptions: offlineProviderOptions({
      agentName: chatbot.agentName || chatbot.name,
      organisationName: chatbot.organisationName,
      examples: chatbot.examples,
      ...(passages && {
        passages: passages.map(({ id, title, text, location, url }) => ({
          id,
          title,
          text,
          ...(location !== undefined && { location }),
          ...(url !== undefined && { url }),
        })),
      }),
    }),
  };
}
