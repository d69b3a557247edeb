import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import type { ChunkLocation } from '../../ingest/chunker.js';
import type { Bm25Hit } from '../../search/bm25-index.js';
import { bm25QueryTerms } from '../../search/bm25-terms.js';
import { embedTexts } from '../../search/embed-texts.js';
import { fuseResults, type ScoredResult } from '../../search/fusion.js';
import { OfflineRerankingModel } from '../../search/offline-reranking-model.js';
import { rerankCandidates } from '../../search/reranker.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { KnowledgeChunkRow, SparseHit } from '../../storage/repositories/knowledge-chunks-repository.js';
import type { Store } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';
import type { DenseIndex } from './dense-index.js';
import type { EmbeddingModels } from './embedding-models.js';
import { embeddingModelKey, settingsOf, type RetrievalMethod } from './knowledge-base.js';
import type { KnowledgePassage, RetrievedKnowledge } from './knowledge-passage.js';
import { requireKnowledgeBase } from './owned-knowledge-base.js';
import { describeLocation } from './passage-location.js';
import type { SparseIndex, SparseTarget } from './sparse-index.js';

export type { KnowledgePassage, RetrievedKnowledge };

/** What a search may override of the knowledge base's own settings. */
export interface SearchOverrides {
  topK?: number | undefined;
  method?: RetrievalMethod | undefined;
}

/** Each retriever reads this many candidates per passage wanted, so fusion has something to fuse. */
const candidatesPerResult = 3;
const minimumCandidates = 20;

type ScoredChunk = { chunk: KnowledgeChunkRow; score: number };

/**
 * Finds the passages that answer a question, following each knowledge base's settings: full-text
 * (BM25), dense (embeddings) or both fused by `sparseWeightage`, `topK` of them, optionally
 * reranked down to `topKAfterReranking`. Every database read carries the caller's id, and the
 * dense index is searched only within the caller's knowledge bases.
 */
export class KnowledgeRetriever {
  private readonly reranker = new OfflineRerankingModel();

  constructor(
    private readonly store: Store,
    private readonly denseIndex: DenseIndex,
    private readonly sparseIndex: SparseIndex,
    private readonly embeddingModels: EmbeddingModels,
  ) {}

  /** `GET /knowledge-bases/:id/search`: one knowledge base, settings optionally overridden. */
  async search(ownerId: string, knowledgeBaseId: string, question: string, overrides: SearchOverrides = {}): Promise<KnowledgePassage[]> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    return numbered(await this.retrieveFrom(knowledgeBase, question, overrides, new Map()));
  }

  /**
   * Builds a knowledge base's in-process sparse index now, however large, instead of letting
   * its first searches go to the database while it builds in the background.
   */
  async prepareSparseIndex(ownerId: string, knowledgeBaseId: string): Promise<void> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    await this.sparseIndex.prepare({ id: knowledgeBase.id, contentVersion: knowledgeBase.contentVersion });
  }

  /**
   * The grounding for one conversation turn: passages from every knowledge base attached to the
   * chatbot, each retrieved with its own settings, merged by score and numbered for citation.
   * At most as many passages as the most generous knowledge base asks for.
   *
   * @throws NotFoundError when the chatbot is not the owner's.
   */
  async retrieveForChatbot(ownerId: string, chatbotId: string, question: string): Promise<RetrievedKnowledge> {
    // One owner-filtered query on every chat turn; the chatbot itself is looked up only to tell
    // "not yours" (404) from "nothing attached".
    const knowledgeBases = await this.store.knowledgeBases.listAttachedRowsOwned(chatbotId, ownerId);
    if (knowledgeBases.length === 0 && !(await this.store.chatbots.findOwned(chatbotId, ownerId))) {
      throw new NotFoundError('Chatbot');
    }
    const queryVectors = new Map<string, Promise<Float32Array>>();
    const perKnowledgeBase = await Promise.all(
      knowledgeBases.map((knowledgeBase) => this.retrieveFrom(knowledgeBase, question, {}, queryVectors)),
    );
    const limit = Math.max(0, ...knowledgeBases.map((knowledgeBase) => finalCount(settingsOf(knowledgeBase))));
    const merged = perKnowledgeBase.flat().sort((left, right) => right.score - left.score || left.chunk.id - right.chunk.id);
    return { passages: numbered(merged.slice(0, limit)), knowledgeBaseCount: knowledgeBases.length };
  }

  private async retrieveFrom(
    knowledgeBase: KnowledgeBaseRow,
    question: string,
    overrides: SearchOverrides,
    queryVectors: Map<string, Promise<Float32Array>>,
  ): Promise<ScoredChunk[]> {
    const settings = settingsOf(knowledgeBase);
    const method = overrides.method ?? settings.retrievalMethod;
    const topK = overrides.topK ?? settings.topK;
    const depth = Math.max(topK * candidatesPerResult, minimumCandidates);
    const { ownerId } = knowledgeBase;

    const [sparse, dense] = await Promise.all([
      method === 'dense' ? [] : this.sparse(knowledgeBase, question, depth),
      method === 'sparse' ? [] : this.dense(knowledgeBase, question, depth, queryVectors, method === 'dense'),
    ]);
    const weight = method === 'hybrid' ? settings.sparseWeightage : method === 'sparse' ? 1 : 0;
    const fused = fuseResults(sparse, dense, weight, topK);
    const chunks = new Map(
      (await this.store.knowledgeChunks.findManyOwned(fused.map((result) => Number(result.id)), ownerId)).map((chunk) => [String(chunk.id), chunk]),
    );
    const scored = fused.flatMap((result) => {
      const chunk = chunks.get(result.id);
      return chunk ? [{ chunk, score: result.score }] : [];
    });
    if (!settings.rerankingEnabled) return scored;
    const candidates = scored.map((entry) => ({ id: String(entry.chunk.id), text: entry.chunk.text, entry }));
    const reranked = await rerankCandidates(this.reranker, { query: question, candidates, topKAfterReranking: settings.topKAfterReranking });
    return reranked.map((candidate) => ({ chunk: candidate.entry.chunk, score: candidate.rerankScore }));
  }

  /**
   * BM25 from the in-process index; from the database's full-text search while that index is
   * still being built for a large knowledge base (see SparseIndex).
   */
  private async sparse(knowledgeBase: KnowledgeBaseRow, question: string, limit: number): Promise<ScoredResult[]> {
    const terms = bm25QueryTerms(question);
    if (terms.length === 0) return [];
    const target = { id: knowledgeBase.id, contentVersion: knowledgeBase.contentVersion };
    const hits = (await this.sparseIndex.search(target, terms, limit)) ?? (await this.sparseFromDatabase(knowledgeBase, target, question, terms, limit));
    return hits.map((hit) => ({ id: String(hit.chunkId), score: hit.score }));
  }

  /**
   * The database's full-text search answers only when it holds every chunk of the knowledge
   * base: its index is filled behind ingestion (FullTextIndexer), so right after a large upload
   * the search waits for the in-process index instead.
   */
  private async sparseFromDatabase(
    knowledgeBase: KnowledgeBaseRow,
    target: SparseTarget,
    question: string,
    terms: readonly string[],
    limit: number,
  ): Promise<SparseHit[] | Bm25Hit[]> {
    if (await this.store.knowledgeChunks.hasFullTextBacklog(knowledgeBase.id)) {
      await this.sparseIndex.prepare(target);
      return (await this.sparseIndex.search(target, terms, limit)) ?? [];
    }
    return this.store.knowledgeChunks.searchSparse(knowledgeBase.ownerId, [knowledgeBase.id], question, limit);
  }

  private async dense(
    knowledgeBase: KnowledgeBaseRow,
    question: string,
    limit: number,
    queryVectors: Map<string, Promise<Float32Array>>,
    waitForAllVectors: boolean,
  ): Promise<ScoredResult[]> {
    const settings = settingsOf(knowledgeBase);
    const modelKey = embeddingModelKey(settings);
    let vector = queryVectors.get(modelKey);
    if (!vector) {
      vector = this.embeddingModels.forSettings(knowledgeBase.ownerId, settings).then((model) => embedQuestion(model, question));
      queryVectors.set(modelKey, vector);
    }
    const target = { id: knowledgeBase.id, contentVersion: knowledgeBase.contentVersion, modelKey };
    // Hybrid answers from BM25 alone while a large knowledge base's vectors are still loading;
    // dense has nothing else, so it waits.
    const hits = (await this.denseIndex.search([target], await vector, limit, waitForAllVectors)) ?? [];
    return hits.map((hit) => ({ id: hit.chunkId, score: hit.score }));
  }
}

async function embedQuestion(model: EmbeddingModelV3, question: string): Promise<Float32Array> {
  const [vector] = await embedTexts(model, [question]);
  return vector ?? new Float32Array(0);
}

function finalCount(settings: { topK: number; rerankingEnabled: boolean; topKAfterReranking: number }): number {
  return settings.rerankingEnabled ? settings.topKAfterReranking : settings.topK;
}

function numbered(scored: readonly ScoredChunk[]): KnowledgePassage[] {
  return scored.map(({ chunk, score }, position) => {
    const location = JSON.parse(chunk.location) as ChunkLocation;
    const label = describeLocation(location);
    return {
      id: String(chunk.id),
      index: position + 1,
      title: chunk.sourceTitle,
      ...(label !== undefined && { location: label }),
      ...(chunk.sourceUrl !== null && { url: chunk.sourceUrl }),
      text: chunk.text,
      score,
      knowledgeBaseId: chunk.knowledgeBaseId,
      source: { kind: chunk.sourceKind, id: chunk.sourceId },
      position: location,
    };
  });
}
