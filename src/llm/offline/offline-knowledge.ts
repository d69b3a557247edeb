import type { SharedV3ProviderOptions } from '@ai-sdk/provider';

/** A stored question with the answer the assistant's owner wants given to it. */
export type OfflineExample = { question: string; answer: string };

/** A retrieved piece of a document the responder may quote and cite. */
export type OfflinePassage = {
  id: string;
  title: string;
  text: string;
  /** Where in the document the passage sits, e.g. "page 3" or "§2.1". */
  location?: string;
  url?: string;
};

/**
 * Everything the offline responder knows for one call. It arrives structured in
 * `providerOptions.docent`, so the responder never parses prompt text (where a document could
 * pretend to be an instruction). Remote models get the same knowledge inside the prompt instead.
 */
export type OfflineKnowledge = {
  agentName?: string;
  organisationName?: string;
  examples?: OfflineExample[];
  passages?: OfflinePassage[];
  /** Said instead of the built-in refusal when the documents do not answer the question. */
  noAnswerMessage?: string;
};

/** The key under `providerOptions` that carries {@link OfflineKnowledge}. */
export const offlineProviderOptionsKey = 'docent';

/** Wraps knowledge as call `providerOptions`; remote providers ignore keys that are not theirs. */
export function offlineProviderOptions(knowledge: OfflineKnowledge): SharedV3ProviderOptions {
  return { [offlineProviderOptionsKey]: knowledge };
}

/**
 * Reads the knowledge out of call options, keeping only well-formed entries: provider options
 * are plain JSON that any caller can set, so nothing here is trusted to have the right shape.
 */
export function readOfflineKnowledge(providerOptions: SharedV3ProviderOptions | undefined): OfflineKnowledge {
  const raw: Record<string, unknown> = providerOptions?.[offlineProviderOptionsKey] ?? {};
  return {
    agentName: optionalString(raw.agentName),
    organisationName: optionalString(raw.organisationName),
    noAnswerMessage: optionalString(raw.noAnswerMessage),
    examples: arrayOf(raw.examples).flatMap((entry) => {
      const question = optionalString(entry.question);
      const answer = optionalString(entry.answer);
      return question && answer ? [{ question, answer }] : [];
    }),
    passages: arrayOf(raw.passages).flatMap((entry) => {
      const id = optionalString(entry.id);
      const text = optionalString(entry.text);
      if (!id || !text) return [];
      const location = optionalString(entry.location);
      const url = optionalString(entry.url);
      return [{ id, title: optionalString(entry.title) ?? id, text, ...(location && { location }), ...(url && { url }) }];
    }),
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null);
}
