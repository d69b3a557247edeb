import { Type } from 'typebox';
import { styles, tones } from '../../../core/assistants/personality.js';
import { StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });

/** The fields a personality has, with their limits. */
export const personalityFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  description: Type.String({ maxLength: 2000 }),
  tone: Type.Enum([...tones]),
  style: Type.Enum([...styles]),
  traits: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 }),
  customInstructions: Type.String({ maxLength: 4000 }),
};

export const CreatePersonalityBody = StrictObject({
  name: personalityFields.name,
  description: Type.Optional(personalityFields.description),
  tone: Type.Optional(personalityFields.tone),
  style: Type.Optional(personalityFields.style),
  traits: Type.Optional(personalityFields.traits),
  customInstructions: Type.Optional(personalityFields.customInstructions),
  isDefault: Type.Optional(Type.Boolean({ description: 'Make it the default; the first personality always is' })),
});

/** A partial update. The default changes only through POST /personalities/:id/default. */
export const UpdatePersonalityBody = StrictObject({
  name: Type.Optional(personalityFields.name),
  description: Type.Optional(personalityFields.description),
  tone: Type.Optional(personalityFields.tone),
  style: Type.Optional(personalityFields.style),
  traits: Type.Optional(personalityFields.traits),
  customInstructions: Type.Optional(personalityFields.customInstructions),
});

export const Personality = Type.Object({
  id: Type.String(),
  chatbotId: Type.String(),
  ...personalityFields,
  isDefault: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PersonalityData = Type.Object({ personality: Personality });

export const ChatbotIdParams = StrictObject({ chatbotId: Type.String({ minLength: 1, maxLength: 64 }) });

export const PromptModifierData = Type.Object({ promptModifier: Type.String() });
