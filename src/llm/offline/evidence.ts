import type { OfflineKnowledge } from './offline-knowledge.js';
import { quotableKinds, readPassage, type TableCell, type UnitKind } from './passage-structure.js';
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

/** Terms of a heading, title or lead-in above a sentence, and how closely it ties to it (0..1). */
export interface EvidenceContext {
  terms: ReadonlySet<string>;
  strength: number;
}

export interface EvidenceSentence {
  sourceIndex: number;
  sentenceIndex: number;
  kind: UnitKind;
  text: string;
  terms: ReadonlySet<string>;
  /** The headings, title and lead-in the sentence sits under: what it is about, not what it says. */
  contexts: readonly EvidenceContext[];
  /** Every context term together, for checking that a named thing is what the sentence is about. */
  contextTerms: ReadonlySet<string>;
  wordCount: number;
  /** A table or spreadsheet row's cells. */
  cells?: readonly TableCell[];
}

export interface Evidence {
  /** Every unit of every source, quotable or not, in source and reading order. */
  sentences: EvidenceSentence[];
  /** Per source, every term it mentions anywhere (text, headings, title): for term rarity. */
  sourceTerms: ReadonlySet<string>[];
}

/** A source's title only says which document it is; a stored question is asked by its answer. */
const titleStrength = 0.4;
const questionTitleStrength = 0.8;

/** Passages first (they are what the answer should cite), then FAQ entries as extra evidence. */
export function evidenceSources(knowledge: OfflineKnowledge): EvidenceSource[] {
  const passages: EvidenceSource[] = knowledge.passages ?? [];
  const examples = (knowledge.examples ?? []).map((example) => ({ title: example.question, text: example.answer }));
  return [...passages, ...examples];
}

export function isQuotable(sentence: EvidenceSentence): boolean {
  return quotableKinds.has(sentence.kind);
}

export function gatherEvidence(sources: readonly EvidenceSource[]): Evidence {
  const sentences: EvidenceSentence[] = [];
  const sourceTerms: Set<string>[] = [];
  sources.forEach((source, sourceIndex) => {
    const all = new Set<string>();
    const sourceContexts: EvidenceContext[] = [
      { terms: new Set(contentTerms(source.title)), strength: source.title.trim().endsWith('?') ? questionTitleStrength : titleStrength },
      ...(source.location ? [{ terms: new Set(contentTerms(source.location)), strength: titleStrength }] : []),
    ];
    for (const context of sourceContexts) for (const term of context.terms) all.add(term);
    readPassage(source.text).forEach((unit, sentenceIndex) => {
      const contexts = [...sourceContexts, ...unit.context.map((line) => ({ terms: new Set(contentTerms(line.text)), strength: line.strength }))];
      const terms = new Set(contentTerms(unit.cells ? unit.cells.map((cell) => `${cell.column} ${cell.value}`).join(' ') : unit.text));
      for (const term of terms) all.add(term);
      for (const context of contexts) for (const term of context.terms) all.add(term);
      sentences.push({
        sourceIndex,
        sentenceIndex,
        kind: unit.kind,
        text: unit.text,
        terms,
        contexts,
        contextTerms: new Set(contexts.flatMap((context) => [...context.terms])),
        wordCount: unit.text.split(/\s+/).filter(Boolean).length,
        ...(unit.cells && { cells: unit.cells }),
      });
    });
    sourceTerms.push(all);
  });
  return { sentences, sourceTerms };
}
