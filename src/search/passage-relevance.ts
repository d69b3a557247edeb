import { conceptOfStem } from './concept-groups.js';
import { contentTerms } from './text-terms.js';

/** What the offline reranker reads from a question: its topic terms as match keys. */
export interface QuestionTerms {
  /** One entry per distinct topic term: the keys that count as a match (its stem and concept). */
  terms: { keys: string[] }[];
}

export function questionTerms(question: string): QuestionTerms {
  const seen = new Set<string>();
  const terms: { keys: string[] }[] = [];
  for (const { stem } of contentTerms(question)) {
    if (seen.has(stem)) continue;
    seen.add(stem);
    const concept = conceptOfStem(stem);
    terms.push({ keys: concept === undefined ? [stem] : [stem, `concept:${concept}`] });
  }
  return { terms };
}

/** The match keys of a passage's words, in order. */
export function passageKeys(passage: string): string[][] {
  return contentTerms(passage).map(({ stem }) => {
    const concept = conceptOfStem(stem);
    return concept === undefined ? [stem] : [stem, `concept:${concept}`];
  });
}

/**
 * Positions (indexes into the passage's words) at which each question term occurs; an empty
 * list for a term the passage lacks.
 */
export function termPositions(question: QuestionTerms, passage: readonly string[][]): number[][] {
  const positionsByKey = new Map<string, number[]>();
  passage.forEach((keys, position) => {
    for (const key of keys) {
      let positions = positionsByKey.get(key);
      if (!positions) positionsByKey.set(key, (positions = []));
      positions.push(position);
    }
  });
  return question.terms.map(({ keys }) => [...new Set(keys.flatMap((key) => positionsByKey.get(key) ?? []))].sort((left, right) => left - right));
}

/**
 * The shortest run of passage words that contains every matched question term at least once,
 * by a sweep over the merged position lists; Infinity when fewer than two terms matched.
 */
export function shortestCoveringSpan(positionsPerTerm: readonly number[][]): number {
  const matched = positionsPerTerm.filter((positions) => positions.length > 0);
  if (matched.length < 2) return Number.POSITIVE_INFINITY;
  const events = matched.flatMap((positions, term) => positions.map((position) => ({ position, term }))).sort((left, right) => left.position - right.position);
  const counts = new Array<number>(matched.length).fill(0);
  let covered = 0;
  let best = Number.POSITIVE_INFINITY;
  let start = 0;
  for (const event of events) {
    if (counts[event.term]!++ === 0) covered++;
    while (covered === matched.length) {
      const first = events[start]!;
      best = Math.min(best, event.position - first.position + 1);
      if (--counts[first.term]! === 0) covered--;
      start++;
    }
  }
  return best;
}
