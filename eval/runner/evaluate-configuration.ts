import { performance } from 'node:perf_hooks';
import type { EvaluationQuestion } from '../dataset/questions.js';
import type { RetrievalRun } from '../scoring/retrieval-scores.js';
import type { KnowledgeBaseClient } from './knowledge-base-client.js';
import type { RetrievalConfiguration } from './retrieval-configurations.js';

/** Passages scored per question: hit@5 needs five. */
export const passagesPerQuestion = 5;
/** Candidates the reranker chooses the five from. */
export const rerankingCandidates = 20;

export interface ConfigurationRuns {
  configuration: RetrievalConfiguration;
  runs: RetrievalRun[];
  meanSearchMs: number;
}

/**
 * Sets the knowledge base to one configuration and runs every question through the search
 * route. Without reranking the route returns the top five; with it, the reranker picks five
 * from twenty fused candidates.
 */
export async function evaluateConfiguration(
  client: KnowledgeBaseClient,
  knowledgeBaseId: string,
  configuration: RetrievalConfiguration,
  questions: readonly EvaluationQuestion[],
): Promise<ConfigurationRuns> {
  const topK = configuration.reranking ? rerankingCandidates : passagesPerQuestion;
  await client.update(knowledgeBaseId, {
    retrievalMethod: configuration.method,
    ...(configuration.sparseWeightage !== undefined && { sparseWeightage: configuration.sparseWeightage }),
    rerankingEnabled: configuration.reranking,
    topK,
    topKAfterReranking: passagesPerQuestion,
  });
  const runs: RetrievalRun[] = [];
  let searchMs = 0;
  for (const question of questions) {
    const started = performance.now();
    const passages = await client.search(knowledgeBaseId, question.question, configuration.method, topK);
    searchMs += performance.now() - started;
    runs.push({ question, passages: passages.slice(0, passagesPerQuestion) });
  }
  return { configuration, runs, meanSearchMs: questions.length === 0 ? 0 : searchMs / questions.length };
}
