import type { OfflineKnowledge } from './offline-knowledge.js';
import { splitSentences } from './sentences.js';
import { contentTerms } from './text-analysis.js';

/**
 * A text the responder may quote. Passages carry an id and are cited; stored FAQ answers have
 * none, so a sentence taken from them is quoted without a source marker.
 */
export interface EvidenceSource {
  id?: string;
  title: string;
  text: string;
  location?: string;
  url?: string;
}

export interface EvidenceSentence {
  sourceIndex: number;
  sentenceIndex: number;
  text: string;
  terms: ReadonlySet<string>;
  titleTerms: ReadonlySet<string>;
  wordCount: number;
}

/** Passages first (they are what the answer should cite), then FAQ entries as extra evidence. */
export function evidenceSources(knowledge: OfflineKnowledge): EvidenceSource[] {
  const passages: EvidenceSource[] = knowledge.passages ?? [];
  const examples = (knowledge.examples ?? []).map((example) => ({ title: example.question, text: example.answer }));
  return [...passages, ...examples];
}

export function evidenceSentences(sources: readonly EvidenceSource[]): EvidenceSentence[] {
  return sources.flatMap((source, sourceIndex) => {
    const titleTerms = new Set(contentTerms(source.title));
    return splitSentences(source.text).map((text, sentenceIndex) => ({
      sourceIndex,
      sentenceIndex,
      text,
      terms: new Set(contentTerms(text)),
      titleTerms,
      wordCount: text.split(/\s+/).length,
    }));
  });
}
