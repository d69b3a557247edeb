import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/search/vector-index.js';

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) - 0.5;
}

function denseVector(random: () => number, dimensions: number): Float32Array {
  return Float32Array.from({ length: dimensions }, random);
}

/** A sparse vector like the offline embedder's: a few dozen non-zero dimensions. */
function sparseVector(random: () => number, dimensions: number, nonZero: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (let count = 0; count < nonZero; count++) vector[Math.floor((random() + 0.5) * dimensions)] = random();
  return vector;
}

function bruteForce(entries: Map<string, { knowledgeBaseId: string; vector: Float32Array }>, query: Float32Array, allowed: Set<string>, limit: number) {
  const cosine = (left: Float32Array, right: Float32Array) => {
    let dot = 0;
    let leftNorm = 0;
    let rightNorm = 0;
    for (let index = 0; index < left.length; index++) {
      dot += left[index]! * right[index]!;
      leftNorm += left[index]! ** 2;
      rightNorm += right[index]! ** 2;
    }
    return dot / Math.sqrt(leftNorm * rightNorm);
  };
  return [...entries]
    .filter(([, entry]) => allowed.has(entry.knowledgeBaseId))
    .map(([chunkId, entry]) => ({ chunkId, score: cosine(entry.vector, query) }))
    .sort((left, right) => right.score - left.score)
    .slice(0, limit)
    .map((result) => result.chunkId);
}

describe('VectorIndex', () => {
  const dimensions = 64;

  it('returns the same top-k as brute force for sparse queries, scores included', () => {
    const random = seededRandom(1);
    const index = new VectorIndex({ dimensions });
    const entries = new Map<string, { knowledgeBaseId: string; vector: Float32Array }>();
    for (let row = 0; row < 2000; row++) {
      const vector = sparseVector(random, dimensions, 12);
      vector[row % dimensions] = 1;
      const knowledgeBaseId = `kb-${row % 3}`;
      entries.set(`chunk-${row}`, { knowledgeBaseId, vector });
      index.upsert(`chunk-${row}`, knowledgeBaseId, vector);
    }
    for (let queryNumber = 0; queryNumber < 25; queryNumber++) {
      const query = sparseVector(random, dimensions, 10);
      const hits = index.search({ vector: query, knowledgeBaseIds: ['kb-0', 'kb-2'], limit: 10 });
      expect(hits.map((hit) => hit.chunkId)).toEqual(bruteForce(entries, query, new Set(['kb-0', 'kb-2']), 10));
      expect(hits.every((hit) => hit.knowledgeBaseId !== 'kb-1')).toBe(true);
    }
  });

  it('recalls the exact top-k for dense queries through the pre-filter and exact rescoring', () => {
    const random = seededRandom(2);
    const index = new VectorIndex({ dimensions: 256 });
    const entries = new Map<string, { knowledgeBaseId: string; vector: Float32Array }>();
    const centres = Array.from({ length: 40 }, () => denseVector(random, 256));
    for (let row = 0; row < 5000; row++) {
      const vector = centres[row % centres.length]!.map((value) => value + 0.4 * random());
      entries.set(`chunk-${row}`, { knowledgeBaseId: 'kb', vector });
      index.upsert(`chunk-${row}`, 'kb', vector);
    }
    let found = 0;
    for (let queryNumber = 0; queryNumber < 20; queryNumber++) {
      const query = centres[queryNumber]!.map((value) => value + 0.4 * random());
      const hits = new Set(index.search({ vector: query, knowledgeBaseIds: ['kb'], limit: 10 }).map((hit) => hit.chunkId));
      found += bruteForce(entries, query, new Set(['kb']), 10).filter((chunkId) => hits.has(chunkId)).length;
    }
    expect(found / 200).toBeGreaterThanOrEqual(0.95);
  });

  it('applies the knowledge-base filter inside the search, not after a global top-k', () => {
    const index = new VectorIndex({ dimensions: 4 });
    for (let row = 0; row < 50; row++) index.upsert(`popular-${row}`, 'tenant-a', [1, 0, 0, row / 1000]);
    index.upsert('faint-1', 'tenant-b', [0.1, 1, 0, 0]);
    index.upsert('faint-2', 'tenant-b', [0.05, 0, 1, 0]);

    const hits = index.search({ vector: [1, 0, 0, 0], knowledgeBaseIds: ['tenant-b'], limit: 5 });
    expect(hits.map((hit) => hit.chunkId)).toEqual(['faint-1', 'faint-2']);
    expect(index.search({ vector: [1, 0, 0, 0], knowledgeBaseIds: [], limit: 5 })).toEqual([]);
    expect(index.search({ vector: [1, 0, 0, 0], knowledgeBaseIds: ['unknown'], limit: 5 })).toEqual([]);
  });

  it('replaces, moves and removes vectors by chunk id', () => {
    const index = new VectorIndex({ dimensions: 3 });
    index.upsert('a', 'kb-1', [1, 0, 0]);
    index.upsert('b', 'kb-1', [0, 1, 0]);
    index.upsert('c', 'kb-1', [0, 0, 1]);
    index.upsert('a', 'kb-1', [0, 0.9, 0.1]);
    expect(index.search({ vector: [1, 0, 0], knowledgeBaseIds: ['kb-1'], limit: 3 }).map((hit) => hit.chunkId)).toEqual(['a', 'b', 'c']);
    expect(index.search({ vector: [0, 1, 0], knowledgeBaseIds: ['kb-1'], limit: 1 })[0]).toMatchObject({ chunkId: 'b', score: 1 });

    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.search({ vector: [0, 0, 1], knowledgeBaseIds: ['kb-1'], limit: 1 })[0]?.chunkId).toBe('c');

    index.upsert('c', 'kb-2', [0, 0, 1]);
    expect(index.search({ vector: [0, 0, 1], knowledgeBaseIds: ['kb-1'], limit: 5 }).map((hit) => hit.chunkId)).toEqual(['b']);
    expect(index.search({ vector: [0, 0, 1], knowledgeBaseIds: ['kb-2'], limit: 5 })).toEqual([{ chunkId: 'c', knowledgeBaseId: 'kb-2', score: 1 }]);
    expect(index.removeKnowledgeBase('kb-1')).toBe(1);
    expect(index.size).toBe(1);
    expect(index.has('b')).toBe(false);
  });

  it('keeps every slot consistent through many interleaved removals and growth', () => {
    const random = seededRandom(3);
    const index = new VectorIndex({ dimensions: 8 });
    const vectors = new Map<string, Float32Array>();
    for (let row = 0; row < 500; row++) {
      const vector = denseVector(random, 8);
      vectors.set(`chunk-${row}`, vector);
      index.upsert(`chunk-${row}`, 'kb', vector);
      if (row % 3 === 2) {
        const victim = `chunk-${row - 1 - Math.floor((random() + 0.5) * (row - 1))}`;
        if (index.remove(victim)) vectors.delete(victim);
      }
    }
    expect(index.size).toBe(vectors.size);
    for (const [chunkId, vector] of vectors) {
      expect(index.search({ vector, knowledgeBaseIds: ['kb'], limit: 1 })[0]?.chunkId).toBe(chunkId);
    }
  });

  it('breaks ties by chunk id and rejects vectors of the wrong size', () => {
    const index = new VectorIndex({ dimensions: 2 });
    for (const chunkId of ['d', 'b', 'c', 'a']) index.upsert(chunkId, 'kb', [1, 1]);
    expect(index.search({ vector: [1, 1], knowledgeBaseIds: ['kb'], limit: 3 }).map((hit) => hit.chunkId)).toEqual(['a', 'b', 'c']);
    expect(() => index.upsert('x', 'kb', [1, 2, 3])).toThrow(RangeError);
    expect(() => index.search({ vector: [1], knowledgeBaseIds: ['kb'], limit: 1 })).toThrow(RangeError);
    expect(() => index.upsert('x', 'kb', [Number.NaN, 1])).toThrow(RangeError);
  });
});
