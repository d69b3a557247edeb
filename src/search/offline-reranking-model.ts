import type { JSONObject, RerankingModelV3, RerankingModelV3CallOptions } from '@ai-sdk/provider';
import { OfflineEmbeddingModel } from './offline-embedding-model.js';
import { passageKeys, questionTerms, shortestCoveringSpan, termPositions } from './passage-relevance.js';

/** How much each signal counts in the offline relevance score. */
const signalWeights = { similarity: 0.55, coverage: 0.35, proximity: 0.1 } as const;

/**
 * The built-in reranker: no network, a few hundred microseconds per candidate. It implements
 * the AI SDK's `RerankingModelV3`, so `rerank()` drives it exactly like a provider's model.
 *
 * Where first-stage retrieval scores the question and each passage independently, this looks
 * at both together: the offline embedding similarity, the share of the question's terms
 * (stems and their synonyms) the passage contains weighted by how rare each is among the
 * candidates (BM25's inverse document frequency), and how close together the matches sit.
 * A passage that answers a question usually mentions most of its rarer terms in one place.
 */
export class OfflineRerankingModel implements RerankingModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'docent.offline';
  readonly modelId = 'docent-offline-reranker-v1';
  readonly #embedder = new OfflineEmbeddingModel();

  async doRerank(options: RerankingModelV3CallOptions) {
    options.abortSignal?.throwIfAborted();
    const texts = options.documents.type === 'text' ? options.documents.values : options.documents.values.map(objectText);
    const scores = this.score(options.query, texts);
    const ranking = scores
      .map((relevanceScore, index) => ({ index, relevanceScore }))
      .sort((left, right) => right.relevanceScore - left.relevanceScore || left.index - right.index)
      .slice(0, options.topN ?? scores.length);
    return { ranking };
  }

  /** Relevance of each passage to the question, in [0, 1] up to the similarity's sign. */
  score(question: string, passages: readonly string[]): number[] {
    const questionVector = this.#embedder.embedText(question);
    const terms = questionTerms(question);
    const positions = passages.map((passage) => termPositions(terms, passageKeys(passage)));
    const inverseFrequencies = terms.terms.map((_, term) => {
      const containing = positions.filter((perTerm) => perTerm[term]!.length > 0).length;
      return Math.log(1 + (passages.length - containing + 0.5) / (containing + 0.5));
    });
    const totalWeight = inverseFrequencies.reduce((sum, weight) => sum + weight, 0);

    return passages.map((passage, index) => {
      const perTerm = positions[index]!;
      const matchedWeight = perTerm.reduce((sum, termPositionList, term) => sum + (termPositionList.length > 0 ? inverseFrequencies[term]! : 0), 0);
      const matchedTerms = perTerm.filter((termPositionList) => termPositionList.length > 0).length;
      const span = shortestCoveringSpan(perTerm);
      return signalWeights.similarity * cosine(questionVector, this.#embedder.embedText(passage))
        + signalWeights.coverage * (totalWeight > 0 ? matchedWeight / totalWeight : 0)
        + signalWeights.proximity * (Number.isFinite(span) ? matchedTerms / span : 0);
    });
  }
}

/** Both vectors are unit length (or zero), so the dot product is the cosine. */
function cosine(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!;
  return sum;
}

/** An object document's text: its `text` field when it has one, else its JSON. */
function objectText(document: JSONObject): string {
  return typeof document.text === 'string' ? document.text : JSON.stringify(document);
}
