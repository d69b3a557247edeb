import { planQuery } from './query-plan.js';
import { TopKHeap } from './top-k-heap.js';
import { VectorSegment } from './vector-segment.js';

/** One dense-retrieval result: cosine similarity in [-1, 1]. */
export interface VectorSearchHit {
  chunkId: string;
  knowledgeBaseId: string;
  score: number;
}

export interface VectorSearchRequest {
  vector: ArrayLike<number>;
  /** The knowledge bases the caller may read; no other vector is ever looked at. */
  knowledgeBaseIds: Iterable<string>;
  limit: number;
}

export interface VectorIndexOptions {
  dimensions: number;
  /** Share of the query's squared norm the first pass reads (see query-plan.ts); default 0.85. */
  prefilterEnergyShare?: number;
  /** Fewest query dimensions the first pass reads; default 64. */
  minimumPrefilterDimensions?: number;
  /** Candidates rescored exactly per result wanted when the first pass is approximate; default 16 (at least 256). */
  candidatesPerResult?: number;
}

interface Candidate {
  segment: VectorSegment;
  slot: number;
  knowledgeBaseId: string;
}

/**
 * An in-process index of chunk embeddings for dense retrieval by cosine similarity.
 *
 * Vectors are grouped per knowledge base (see vector-segment.ts) and a search scans only the
 * segments of the knowledge bases it is allowed to read: the tenant filter is the scan's input,
 * so it can never be applied after a global top-k has already dropped the caller's chunks.
 * A search is a first pass over the query's heaviest dimensions followed, when that pass was
 * approximate, by exact rescoring of a candidate pool.
 *
 * Why not a database index: sqlite-vec serves only SQLite and pgvector is often missing from
 * managed or distribution PostgreSQL, while this works the same beside either store and is
 * rebuilt from stored embeddings at start-up. Why not HNSW (usearch, hnswlib): not installed,
 * native code, and approximate in a way that interacts badly with per-tenant filtering, whereas
 * a column scan of one knowledge base stays exact for sparse offline queries and measured well
 * inside the latency budget at 100k chunks of 512 dimensions.
 */
export class VectorIndex {
  readonly dimensions: number;
  readonly #segments = new Map<string, VectorSegment>();
  readonly #locations = new Map<string, { knowledgeBaseId: string; slot: number }>();
  readonly #energyShare: number;
  readonly #minimumDimensions: number;
  readonly #candidatesPerResult: number;
  #scores = new Float32Array(0);

  constructor(options: VectorIndexOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) throw new RangeError('dimensions must be a positive integer');
    this.dimensions = options.dimensions;
    this.#energyShare = options.prefilterEnergyShare ?? 0.85;
    this.#minimumDimensions = options.minimumPrefilterDimensions ?? 64;
    this.#candidatesPerResult = options.candidatesPerResult ?? 16;
  }

  /** Number of vectors held. */
  get size(): number {
    return this.#locations.size;
  }

  has(chunkId: string): boolean {
    return this.#locations.has(chunkId);
  }

  /** Adds a chunk's vector, or replaces it (also when the chunk moved to another knowledge base). */
  upsert(chunkId: string, knowledgeBaseId: string, vector: ArrayLike<number>): void {
    const normalised = this.#unitVector(vector);
    const location = this.#locations.get(chunkId);
    if (location?.knowledgeBaseId === knowledgeBaseId) {
      this.#segments.get(knowledgeBaseId)!.write(location.slot, normalised);
      return;
    }
    if (location) this.remove(chunkId);
    let segment = this.#segments.get(knowledgeBaseId);
    if (!segment) {
      segment = new VectorSegment(this.dimensions);
      this.#segments.set(knowledgeBaseId, segment);
    }
    this.#locations.set(chunkId, { knowledgeBaseId, slot: segment.append(chunkId, normalised) });
  }

  /** Removes a chunk's vector; false when it was not there. */
  remove(chunkId: string): boolean {
    const location = this.#locations.get(chunkId);
    if (!location) return false;
    this.#locations.delete(chunkId);
    const segment = this.#segments.get(location.knowledgeBaseId)!;
    const movedChunkId = segment.removeAt(location.slot);
    if (movedChunkId !== undefined) this.#locations.set(movedChunkId, { knowledgeBaseId: location.knowledgeBaseId, slot: location.slot });
    if (segment.size === 0) this.#segments.delete(location.knowledgeBaseId);
    return true;
  }

  /** The chunk ids of a knowledge base's vectors. */
  chunkIdsOf(knowledgeBaseId: string): string[] {
    const segment = this.#segments.get(knowledgeBaseId);
    return segment ? Array.from({ length: segment.size }, (_, slot) => segment.chunkIdAt(slot)) : [];
  }

  /** Removes every vector of a knowledge base; returns how many there were. */
  removeKnowledgeBase(knowledgeBaseId: string): number {
    const segment = this.#segments.get(knowledgeBaseId);
    if (!segment) return 0;
    for (let slot = 0; slot < segment.size; slot++) this.#locations.delete(segment.chunkIdAt(slot));
    this.#segments.delete(knowledgeBaseId);
    return segment.size;
  }

  /** The `limit` most similar chunks among the allowed knowledge bases, best first; ties by chunk id. */
  search(request: VectorSearchRequest): VectorSearchHit[] {
    const query = this.#unitVector(request.vector);
    const limit = Math.max(0, Math.floor(request.limit));
    const plan = planQuery(query, this.#energyShare, this.#minimumDimensions);
    if (limit === 0 || plan.dimensions.length === 0) return [];

    const poolSize = plan.exact ? limit : Math.max(limit * this.#candidatesPerResult, 256);
    const pool = new TopKHeap<Candidate>(poolSize);
    for (const knowledgeBaseId of new Set(request.knowledgeBaseIds)) {
      const segment = this.#segments.get(knowledgeBaseId);
      if (!segment) continue;
      const scores = this.#scratchScores(segment.size);
      segment.accumulateScores(plan.dimensions, plan.weights, scores);
      for (let slot = 0; slot < segment.size; slot++) {
        const score = scores[slot]!;
        if (score >= pool.threshold) pool.offer(score, segment.chunkIdAt(slot), { segment, slot, knowledgeBaseId });
      }
    }
    if (plan.exact) return pool.sorted().map(toHit);

    const results = new TopKHeap<Candidate>(limit);
    for (const { score, key, item } of pool.sorted()) {
      results.offer(score + item.segment.partialDot(item.slot, plan.remainingDimensions, plan.remainingWeights), key, item);
    }
    return results.sorted().map(toHit);
  }

  #scratchScores(size: number): Float32Array {
    if (this.#scores.length < size) this.#scores = new Float32Array(Math.max(size, this.#scores.length * 2));
    const scores = this.#scores.subarray(0, size);
    scores.fill(0);
    return scores;
  }

  #unitVector(vector: ArrayLike<number>): Float32Array {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`Expected a vector of ${this.dimensions} dimensions, got ${vector.length}`);
    }
    const unit = Float32Array.from(vector);
    let squaredNorm = 0;
    for (let index = 0; index < unit.length; index++) squaredNorm += unit[index]! * unit[index]!;
    if (!Number.isFinite(squaredNorm)) throw new RangeError('Vector contains a non-finite value');
    if (squaredNorm > 0) {
      const scale = 1 / Math.sqrt(squaredNorm);
      for (let index = 0; index < unit.length; index++) unit[index]! *= scale;
    }
    return unit;
  }
}

function toHit(entry: { score: number; key: string; item: Candidate }): VectorSearchHit {
  return { chunkId: entry.key, knowledgeBaseId: entry.item.knowledgeBaseId, score: entry.score };
}
