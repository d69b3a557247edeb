import { describe, expect, it } from 'vitest';
import { fuseResults } from '../../src/search/fusion.js';

const sparse = [
  { id: 'refund-policy', score: 12.5 },
  { id: 'shipping', score: 7.1 },
  { id: 'warranty', score: 3.2 },
];
const dense = [
  { id: 'warranty', score: 0.82 },
  { id: 'returns', score: 0.61 },
  { id: 'refund-policy', score: 0.4 },
];

describe('fuseResults', () => {
  it('reproduces the sparse order at weight 1 and the dense order at weight 0', () => {
    expect(fuseResults(sparse, dense, 1).map((result) => result.id)).toEqual(['refund-policy', 'shipping', 'warranty', 'returns']);
    expect(fuseResults(sparse, dense, 0).map((result) => result.id)).toEqual(['warranty', 'returns', 'refund-policy', 'shipping']);
  });

  it('blends normalised scores in between and keeps items found by one retriever only', () => {
    const fused = fuseResults(sparse, dense, 0.5);
    // refund-policy and warranty tie at 0.5; at weight 0.5 the sparse rank decides.
    expect(fused.map((result) => result.id)).toEqual(['refund-policy', 'warranty', 'returns', 'shipping']);
    expect(fused[1]).toEqual({ id: 'warranty', score: 0.5, sparseRank: 3, denseRank: 1 });
    expect(fused[2]).toEqual({ id: 'returns', score: expect.closeTo(0.25, 5), denseRank: 2 });
    expect(fuseResults(sparse, dense, 0.3).map((result) => result.id)).toEqual(['warranty', 'returns', 'refund-policy', 'shipping']);
  });

  it('is deterministic for ties and cuts to the limit', () => {
    const tiedSparse = [{ id: 'b', score: 1 }, { id: 'a', score: 1 }];
    const tiedDense = [{ id: 'c', score: 0.5 }, { id: 'd', score: 0.5 }];
    expect(fuseResults(tiedSparse, tiedDense, 0.5).map((result) => result.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(fuseResults(tiedSparse, tiedDense, 0.5, 2).map((result) => result.id)).toEqual(['b', 'a']);
  });

  it('handles empty lists and rejects a weight outside [0, 1]', () => {
    expect(fuseResults([], [], 0.5)).toEqual([]);
    expect(fuseResults([], dense, 0.7).map((result) => result.id)).toEqual(['warranty', 'returns', 'refund-policy']);
    expect(() => fuseResults(sparse, dense, 1.5)).toThrow(RangeError);
    expect(() => fuseResults(sparse, dense, Number.NaN)).toThrow(RangeError);
  });
});
