import type { PersonalityConfiguration, Style, Tone } from './personality.js';

const toneGuidance: Record<Tone, string> = {
  friendly: 'be warm and approachable, like a helpful colleague',
  professional: 'be polished, courteous and precise',
  casual: 'be relaxed and informal, using everyday language',
  formal: 'be formal and respectful, without slang or contractions',
  empathetic: "be understanding and supportive, and acknowledge the user's feelings",
  enthusiastic: 'be energetic and positive',
  neutral: 'be neutral and objective',
};

const styleGuidance: Record<Style, string> = {
  concise: 'keep answers short and to the point',
  detailed: 'give thorough answers with the relevant details and examples',
  conversational: 'answer naturally, as in a dialogue',
  technical: 'use precise technical terms and be exact',
  simple: 'use plain words and short sentences that a beginner can follow',
};

export type PromptModifierSource = Pick<PersonalityConfiguration, 'tone' | 'style' | 'traits' | 'customInstructions'>;

/**
 * Renders a personality as a short paragraph of instructions for the model: its tone, its style,
 * its traits, then the owner's own instructions. Pure, so the final prompt and the
 * prompt-modifier route always show the same text.
 */
export function renderPromptModifier(personality: PromptModifierSource): string {
  const sentences = [
    `Use ${withArticle(personality.tone)} tone: ${toneGuidance[personality.tone]}.`,
    `Answer in ${withArticle(personality.style)} style: ${styleGuidance[personality.style]}.`,
  ];
  const traits = personality.traits.map((trait) => trait.trim()).filter(Boolean);
  if (traits.length > 0) sentences.push(`Let these traits show in every answer: ${traits.join(', ')}.`);
  const paragraph = sentences.join(' ');
  const custom = personality.customInstructions.trim();
  return custom ? `${paragraph}\n${custom}` : paragraph;
}

function withArticle(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
