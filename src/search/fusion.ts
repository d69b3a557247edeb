import { compareKeys } from './top-k-heap.js';

/** One retriever's result: higher scores are better; lists are ordered best first. */
export interface ScoredResult {
  id: string;
  score: number;
}

/** A fused result with what each retriever said about it (ranks are 1-based). */
export interface FusedResult {
  id: string;
  score: number;
  sparseRank?: number;
  denseRank?: number;
}

interface Entry {
  id: string;
  sparse: number;
  dense: number;
  sparseRank: number | undefined;
  denseRank: number | undefined;
}

/**
 * Hybrid fusion: a convex combination of min–max-normalised scores,
 * `sparseWeightage · sparse + (1 − sparseWeightage) · dense`, the "relative score fusion" of
 * Weaviate and the convex combination Bruch et al. ("An Analysis of Fusion Functions for Hybrid
 * Retrieval", 2023) found more accurate than reciprocal rank fusion. Unlike RRF it keeps how
 * far ahead a result is, not only its place, and its one parameter means what
 * `sparse_weightage` says; BM25 and cosine scales differ, hence normalising each list to [0, 1].
 *
 * A result missing from a list gets that list's 0: it scored no better than the list's last.
 * A list whose scores are all equal normalises to 1. Ties go to the better rank in the list
 * with the larger weight (sparse at 0.5), then present over absent, then the other list's rank,
 * then id, so weight 1 reproduces the sparse order exactly and weight 0 the dense order.
 */
export function fuseResults(sparse: readonly ScoredResult[], dense: readonly ScoredResult[], sparseWeightage: number, limit = Number.POSITIVE_INFINITY): FusedResult[] {
  if (!(sparseWeightage >= 0 && sparseWeightage <= 1)) throw new RangeError('sparseWeightage must be between 0 and 1');
  const entries = new Map<string, Entry>();
  const entryFor = (id: string) => {
    let entry = entries.get(id);
    if (!entry) entries.set(id, (entry = { id, sparse: 0, dense: 0, sparseRank: undefined, denseRank: undefined }));
    return entry;
  };
  normalisedScores(sparse).forEach(({ id, score }, index) => {
    const entry = entryFor(id);
    entry.sparse = score;
    entry.sparseRank = index + 1;
  });
  normalisedScores(dense).forEach(({ id, score }, index) => {
    const entry = entryFor(id);
    entry.dense = score;
    entry.denseRank = index + 1;
  });

  const sparseLeads = sparseWeightage >= 0.5;
  const fused = [...entries.values()].map((entry) => ({ entry, score: sparseWeightage * entry.sparse + (1 - sparseWeightage) * entry.dense }));
  fused.sort((left, right) => right.score - left.score
    || compareRanks(sparseLeads ? left.entry.sparseRank : left.entry.denseRank, sparseLeads ? right.entry.sparseRank : right.entry.denseRank)
    || compareRanks(sparseLeads ? left.entry.denseRank : left.entry.sparseRank, sparseLeads ? right.entry.denseRank : right.entry.sparseRank)
    || compareKeys(left.entry.id, right.entry.id));
  return fused.slice(0, limit).map(({ entry, score }) => ({
    id: entry.id,
    score,
    ...(entry.sparseRank === undefined ? {} : { sparseRank: entry.sparseRank }),
    ...(entry.denseRank === undefined ? {} : { denseRank: entry.denseRank }),
  }));
}

/** Min–max normalised scores of a list, first occurrence of each id only. */
function normalisedScores(results: readonly ScoredResult[]): ScoredResult[] {
  const seen = new Set<string>();
  const unique = results.filter((result) => !seen.has(result.id) && seen.add(result.id));
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (const { score } of unique) {
    minimum = Math.min(minimum, score);
    maximum = Math.max(maximum, score);
  }
  const range = maximum - minimum;
  return unique.map((result) => ({ id: result.id, score: range > 0 ? (result.score - minimum) / range : 1 }));
}

/** Lower rank first; a missing rank after any present one. */
function compareRanks(left: number | undefined, right: number | undefined): number {
  return (left ?? Number.POSITIVE_INFINITY) - (right ?? Number.POSITIVE_INFINITY) || 0;
}
