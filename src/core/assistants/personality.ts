import type { Insertable } from 'kysely';
import type { PersonalitiesTable } from '../../storage/schema.js';
import type { PersonalityRow } from '../../storage/repositories/personalities-repository.js';
import { ValidationError } from '../errors.js';

export const tones = ['friendly', 'professional', 'casual', 'formal', 'empathetic', 'enthusiastic', 'neutral'] as const;
export type Tone = (typeof tones)[number];

export const styles = ['concise', 'detailed', 'conversational', 'technical', 'simple'] as const;
export type Style = (typeof styles)[number];

/** Enough voices for any real use, few enough that a listing needs no pagination. */
export const maxPersonalitiesPerChatbot = 50;

/** How a chatbot speaks: what duplicate copies and export carries. */
export interface PersonalityConfiguration {
  name: string;
  description: string;
  tone: Tone;
  style: Style;
  traits: string[];
  customInstructions: string;
  /** The personality the chatbot answers with; exactly one per chatbot that has any. */
  isDefault: boolean;
}

export interface Personality extends PersonalityConfiguration {
  id: string;
  chatbotId: string;
  createdAt: string;
  updatedAt: string;
}

/** A new personality: only the name is required. */
export type PersonalityInput = Partial<Omit<PersonalityConfiguration, 'name'>> & { name: string };

/**
 * A partial update. `isDefault` is not part of it: the default changes only through
 * "set as default", so a chatbot can never be left with none by an update.
 */
export type PersonalityPatch = Partial<Omit<PersonalityConfiguration, 'isDefault'>>;

/** What "create default personality" creates: a balanced voice that suits most assistants. */
export const defaultPersonalityTemplate: PersonalityConfiguration = {
  name: 'Default',
  description: 'A friendly, clear and helpful voice that suits most assistants.',
  tone: 'friendly',
  style: 'conversational',
  traits: ['helpful', 'patient', 'clear'],
  customInstructions: '',
  isDefault: true,
};

/** Fills in defaults for every field the input leaves out. */
export function completePersonality(input: PersonalityInput): PersonalityConfiguration {
  return {
    name: input.name.trim(),
    description: input.description ?? '',
    tone: input.tone ?? 'neutral',
    style: input.style ?? 'conversational',
    traits: input.traits ?? [],
    customInstructions: input.customInstructions ?? '',
    isDefault: input.isDefault ?? false,
  };
}

type PersonalityColumns = Omit<Insertable<PersonalitiesTable>, 'id' | 'chatbotId' | 'createdAt' | 'updatedAt'>;

export function toPersonalityColumns(configuration: PersonalityConfiguration): PersonalityColumns {
  return {
    name: configuration.name,
    description: configuration.description,
    tone: configuration.tone,
    style: configuration.style,
    traits: JSON.stringify(configuration.traits),
    customInstructions: configuration.customInstructions,
    isDefault: configuration.isDefault ? 1 : 0,
  };
}

/** The columns a patch changes; fields it leaves out are not touched. */
export function toPersonalityPatchColumns(patch: PersonalityPatch): Partial<PersonalityColumns> {
  const { traits, name, ...rest } = patch;
  return {
    ...rest,
    ...(name !== undefined && { name: name.trim() }),
    ...(traits !== undefined && { traits: JSON.stringify(traits) }),
  };
}

/**
 * Makes a set of personalities obey "exactly one default": the one marked default stays so, or
 * the first becomes default when none is. Two or more marked default is the caller's error.
 */
export function withOneDefault(personalities: PersonalityConfiguration[]): PersonalityConfiguration[] {
  const defaults = personalities.filter((personality) => personality.isDefault).length;
  if (defaults > 1) throw new ValidationError('personalities may mark only one personality as isDefault');
  if (defaults === 1) return personalities;
  return personalities.map((personality, position) => ({ ...personality, isDefault: position === 0 }));
}

export function toPersonality(row: PersonalityRow): Personality {
  return {
    id: row.id,
    chatbotId: row.chatbotId,
    name: row.name,
    description: row.description,
    tone: row.tone as Tone,
    style: row.style as Style,
    traits: JSON.parse(row.traits) as string[],
    customInstructions: row.customInstructions,
    isDefault: row.isDefault === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
