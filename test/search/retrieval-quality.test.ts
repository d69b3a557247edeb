import { describe, expect, it } from 'vitest';
import { hitRateAtK, meanReciprocalRank, type RankedCase } from '../../src/search/evaluation-metrics.js';
import { Bm25Index } from '../../src/search/bm25-index.js';
import { bm25Document, bm25QueryTerms } from '../../src/search/bm25-terms.js';
import { fuseResults, type ScoredResult } from '../../src/search/fusion.js';
import { OfflineEmbeddingModel, offlineEmbeddingDimensions } from '../../src/search/offline-embedding-model.js';
import { OfflineRerankingModel } from '../../src/search/offline-reranking-model.js';
import { rerankCandidates } from '../../src/search/reranker.js';
import { VectorIndex } from '../../src/search/vector-index.js';
import { fictionalCompanyPassages, paraphrasedQuestions } from './fixtures/fictional-company-corpus.js';

const candidateCount = 10;
const embedder = new OfflineEmbeddingModel();
const index = new VectorIndex({ dimensions: offlineEmbeddingDimensions });
for (const passage of fictionalCompanyPassages) index.upsert(passage.id, 'fernwood', embedder.embedText(passage.text));
// The product's own sparse retriever (chunk ids are numbers there: passages are numbered by position).
const sparseIndex = new Bm25Index();
fictionalCompanyPassages.forEach((passage, position) => sparseIndex.add(position, bm25Document(passage.text)));
const bm25 = {
  search: (question: string, limit: number): ScoredResult[] =>
    sparseIndex.search(bm25QueryTerms(question), limit).map((hit) => ({ id: fictionalCompanyPassages[hit.chunkId]!.id, score: hit.score })),
};

function denseResults(question: string): ScoredResult[] {
  return index.search({ vector: embedder.embedText(question), knowledgeBaseIds: ['fernwood'], limit: candidateCount }).map((hit) => ({ id: hit.chunkId, score: hit.score }));
}

function cases(rank: (question: string) => string[]): RankedCase[] {
  return paraphrasedQuestions.map(({ question, relevantPassageId }) => ({ rankedIds: rank(question), relevantIds: [relevantPassageId] }));
}

function summary(name: string, rankedCases: RankedCase[]): string {
  return `${name}: hit@1 ${hitRateAtK(rankedCases, 1).toFixed(2)}, hit@3 ${hitRateAtK(rankedCases, 3).toFixed(2)}, MRR ${meanReciprocalRank(rankedCases).toFixed(2)}`;
}

describe('retrieval quality on paraphrased questions', () => {
  const sparse = cases((question) => bm25.search(question, candidateCount).map((result) => result.id));
  const dense = cases((question) => denseResults(question).map((result) => result.id));
  const hybrid = cases((question) => fuseResults(bm25.search(question, candidateCount), denseResults(question), 0.3).map((result) => result.id));

  it('dense retrieval with the offline embedder beats BM25, and hybrid beats BM25 too', () => {
    console.info([summary('sparse (BM25)', sparse), summary('dense (offline embedder)', dense), summary('hybrid (sparse weight 0.3)', hybrid)].join('\n'));
    expect(hitRateAtK(dense, 3)).toBeGreaterThan(hitRateAtK(sparse, 3));
    expect(hitRateAtK(hybrid, 3)).toBeGreaterThan(hitRateAtK(sparse, 3));
    expect(meanReciprocalRank(dense)).toBeGreaterThan(meanReciprocalRank(sparse));
  });

  it('the offline reranker keeps or improves hit@1 of dense retrieval', async () => {
    const passageText = new Map(fictionalCompanyPassages.map((passage) => [passage.id, passage.text]));
    const reranker = new OfflineRerankingModel();
    const reranked: RankedCase[] = [];
    for (const { question, relevantPassageId } of paraphrasedQuestions) {
      const candidates = denseResults(question).map((result) => ({ id: result.id, text: passageText.get(result.id)! }));
      const results = await rerankCandidates(reranker, { query: question, candidates, topKAfterReranking: 3 });
      expect(results).toHaveLength(3);
      reranked.push({ rankedIds: results.map((result) => result.id), relevantIds: [relevantPassageId] });
    }
    console.info(`${summary('dense', dense)}\n${summary('dense + offline reranker (top 3 of 10)', reranked)}`);
    expect(hitRateAtK(reranked, 1)).toBeGreaterThanOrEqual(hitRateAtK(dense, 1));
  });
});
