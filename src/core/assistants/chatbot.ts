import type { Insertable } from 'kysely';
import type { ChatbotsTable } from '../../storage/schema.js';
import type { ChatbotRow } from '../../storage/repositories/chatbots-repository.js';

/** The model name of the built-in offline responder, used when a chatbot names no provider. */
export const offlineModelName = 'docent-offline';

/** A few-shot pair shown to the model as an example of a good answer. */
export interface FewShotExample {
  question: string;
  answer: string;
}

/** Which model answers for a chatbot. A null `providerId` means the built-in offline responder. */
export interface ModelSettings {
  providerId: string | null;
  name: string;
  temperature: number;
  maxTokens: number;
}

export const defaultModelSettings: ModelSettings = {
  providerId: null,
  name: offlineModelName,
  temperature: 0.2,
  maxTokens: 1024,
};

/** Everything an owner configures on a chatbot: what duplicate copies and export carries. */
export interface ChatbotConfiguration {
  name: string;
  description: string;
  instructions: string;
  goal: string;
  /** The name the assistant introduces itself with (seed 003's `agent_name`). */
  agentName: string;
  /** The organisation the assistant speaks for (seed 000's `company_name`, seed 003's `organisation_name`). */
  organisationName: string;
  organisationDescription: string;
  examples: FewShotExample[];
  /** The first message the chat widget shows. */
  greeting: string;
  /** Questions the chat widget offers as one-click starters. */
  suggestedQuestions: string[];
  model: ModelSettings;
}

export interface Chatbot extends ChatbotConfiguration {
  id: string;
  ownerId: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A new chatbot: only the name is required; everything else has a sensible default. */
export type ChatbotInput = Partial<Omit<ChatbotConfiguration, 'model'>> & {
  name: string;
  model?: Partial<ModelSettings> | undefined;
};

/** A partial update: fields left out keep their value, including each field of `model`. */
export type ChatbotPatch = Partial<Omit<ChatbotConfiguration, 'model'>> & {
  model?: Partial<ModelSettings> | undefined;
};

/** Fills in defaults for every field the input leaves out. */
export function completeConfiguration(input: ChatbotInput): ChatbotConfiguration {
  return {
    name: input.name.trim(),
    description: input.description ?? '',
    instructions: input.instructions ?? '',
    goal: input.goal ?? '',
    agentName: input.agentName ?? '',
    organisationName: input.organisationName ?? '',
    organisationDescription: input.organisationDescription ?? '',
    examples: input.examples ?? [],
    greeting: input.greeting ?? '',
    suggestedQuestions: input.suggestedQuestions ?? [],
    model: { ...defaultModelSettings, ...input.model },
  };
}

type ConfigurationColumns = Omit<
  Insertable<ChatbotsTable>,
  'id' | 'ownerId' | 'archivedAt' | 'deletedAt' | 'createdAt' | 'updatedAt'
>;

export function toConfigurationColumns(configuration: ChatbotConfiguration): ConfigurationColumns {
  return {
    name: configuration.name,
    description: configuration.description,
    instructions: configuration.instructions,
    goal: configuration.goal,
    agentName: configuration.agentName,
    organisationName: configuration.organisationName,
    organisationDescription: configuration.organisationDescription,
    examples: JSON.stringify(configuration.examples),
    greeting: configuration.greeting,
    suggestedQuestions: JSON.stringify(configuration.suggestedQuestions),
    providerId: configuration.model.providerId,
    modelName: configuration.model.name,
    temperature: configuration.model.temperature,
    maxTokens: configuration.model.maxTokens,
  };
}

/** The columns a patch changes; fields it leaves out are not touched. */
export function toPatchColumns(patch: ChatbotPatch): Partial<ConfigurationColumns> {
  const { model, examples, suggestedQuestions, name, ...text } = patch;
  return {
    ...text,
    ...(name !== undefined && { name: name.trim() }),
    ...(examples !== undefined && { examples: JSON.stringify(examples) }),
    ...(suggestedQuestions !== undefined && { suggestedQuestions: JSON.stringify(suggestedQuestions) }),
    ...(model?.providerId !== undefined && { providerId: model.providerId }),
    ...(model?.name !== undefined && { modelName: model.name }),
    ...(model?.temperature !== undefined && { temperature: model.temperature }),
    ...(model?.maxTokens !== undefined && { maxTokens: model.maxTokens }),
  };
}

export function toChatbot(row: ChatbotRow): Chatbot {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    description: row.description,
    instructions: row.instructions,
    goal: row.goal,
    agentName: row.agentName,
    organisationName: row.organisationName,
    organisationDescription: row.organisationDescription,
    examples: JSON.parse(row.examples) as FewShotExample[],
    greeting: row.greeting,
    suggestedQuestions: JSON.parse(row.suggestedQuestions) as string[],
    model: {
      providerId: row.providerId,
      name: row.modelName,
      temperature: row.temperature,
      maxTokens: row.maxTokens,
    },
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
