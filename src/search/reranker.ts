import type { RerankingModelV3 } from '@ai-sdk/provider';
import { rerank } from 'ai';
import { toRetrievalProviderError } from './retrieval-provider-error.js';

/** A retrieved passage offered for reranking. */
export interface RerankCandidate {
  id: string;
  text: string;
}

export interface RerankRequest<Candidate extends RerankCandidate> {
  query: string;
  candidates: readonly Candidate[];
  /** The knowledge base's `top_k_after_reranking`. */
  topKAfterReranking: number;
  abortSignal?: AbortSignal | undefined;
  /** Retries for retryable provider failures; default 2. */
  maxRetries?: number | undefined;
}

/** A candidate with the reranker's relevance score. */
export type Reranked<Candidate extends RerankCandidate> = Candidate & { rerankScore: number };

/**
 * Reorders retrieved candidates by a reranking model and keeps the best `topKAfterReranking`.
 * The model is any AI SDK `RerankingModelV3`: the built-in OfflineRerankingModel or a provider's
 * (createProviderRerankingModel), so this is the one place reranking is invoked. Provider
 * failures become RetrievalProviderError; the caller decides whether to fall back to the
 * first-stage order.
 */
export async function rerankCandidates<Candidate extends RerankCandidate>(
  model: RerankingModelV3,
  request: RerankRequest<Candidate>,
): Promise<Reranked<Candidate>[]> {
  const topN = Math.min(Math.max(0, Math.floor(request.topKAfterReranking)), request.candidates.length);
  if (topN === 0) return [];
  try {
    const { ranking } = await rerank({
      model,
      query: request.query,
      documents: request.candidates.map((candidate) => candidate.text),
      topN,
      abortSignal: request.abortSignal,
      maxRetries: request.maxRetries,
    });
    return ranking.slice(0, topN).map(({ originalIndex, score }) => ({ ...request.candidates[originalIndex]!, rerankScore: score }));
  } catch (error) {
    throw toRetrievalProviderError('reranking', error);
  }
}
