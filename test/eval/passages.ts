import type { EvaluationQuestion, ExpectedSource } from '../../eval/dataset/questions.js';
import type { PassageLocation, RetrievedPassage } from '../../eval/scoring/retrieved-passage.js';

export function passage(document: string | undefined, location: PassageLocation = {}): RetrievedPassage {
  return { document, title: document ?? 'a text item', text: 'passage text', location };
}

export function question(overrides: Partial<EvaluationQuestion> & { expectedSources?: ExpectedSource[] } = {}): EvaluationQuestion {
  return { id: 'q', question: 'What?', expectedSources: [], keyFacts: [], answerable: true, ...overrides };
}
