import type { RetrievalScores } from '../scoring/retrieval-scores.js';
import type { RetrievalConfiguration } from './retrieval-configurations.js';

export interface ScoredConfiguration {
  configuration: RetrievalConfiguration;
  retrieval: RetrievalScores;
}

/**
 * The configurations whose answers are graded (asking the responder is the slow part): hybrid
 * retrieval at the knowledge base's default weight with reranking, which is what an assistant
 * would typically run, and the configuration with the best MRR (ties go to hit@5, then to the
 * earlier configuration), when that is a different one.
 */
export function gradedConfigurations(scored: readonly ScoredConfiguration[], defaultSparseWeightage: number): Set<string> {
  const names = new Set<string>();
  const typical = scored.find(
    ({ configuration }) =>
      configuration.method === 'hybrid' && configuration.reranking && configuration.sparseWeightage === defaultSparseWeightage,
  );
  if (typical) names.add(typical.configuration.name);
  const best = scored.reduce<ScoredConfiguration | undefined>(
    (leader, candidate) => (leader === undefined || isBetter(candidate.retrieval, leader.retrieval) ? candidate : leader),
    undefined,
  );
  if (best) names.add(best.configuration.name);
  return names;
}

function isBetter(candidate: RetrievalScores, leader: RetrievalScores): boolean {
  if (candidate.meanReciprocalRank !== leader.meanReciprocalRank) return candidate.meanReciprocalRank > leader.meanReciprocalRank;
  return candidate.hitAt5 > leader.hitAt5;
}
