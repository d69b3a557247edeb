/**
 * Which query dimensions a first, approximate pass reads. Dimensions are taken in order of
 * |weight| until they hold `energyShare` of the query's squared norm (at least
 * `minimumDimensions` of them). Zero dimensions are never read, so a sparse query (the offline
 * embedder's, typically 60–200 non-zero of 512) is often scored exactly in the first pass; for a
 * dense provider vector the pass reads the heavy dimensions and the exact rescoring of a
 * candidate pool corrects the rest.
 */
export interface QueryPlan {
  dimensions: Int32Array;
  weights: Float32Array;
  /** Whether the chosen dimensions are all non-zero ones, making first-pass scores exact. */
  exact: boolean;
  /** The query's other non-zero dimensions and their weights: what exact rescoring adds to a first-pass score. */
  remainingDimensions: Int32Array;
  remainingWeights: Float32Array;
}

export function planQuery(query: Float32Array, energyShare: number, minimumDimensions: number): QueryPlan {
  const nonZero: number[] = [];
  let totalEnergy = 0;
  for (let dimension = 0; dimension < query.length; dimension++) {
    const value = query[dimension]!;
    if (value !== 0) {
      nonZero.push(dimension);
      totalEnergy += value * value;
    }
  }
  nonZero.sort((left, right) => Math.abs(query[right]!) - Math.abs(query[left]!) || left - right);
  let chosen = 0;
  let energy = 0;
  while (chosen < nonZero.length && (chosen < minimumDimensions || energy < energyShare * totalEnergy)) {
    energy += query[nonZero[chosen]!]! ** 2;
    chosen++;
  }
  const dimensions = Int32Array.from(nonZero.slice(0, chosen)).sort();
  const weights = Float32Array.from(dimensions, (dimension) => query[dimension]!);
  const remainingDimensions = Int32Array.from(nonZero.slice(chosen)).sort();
  const remainingWeights = Float32Array.from(remainingDimensions, (dimension) => query[dimension]!);
  return { dimensions, weights, exact: chosen === nonZero.length, remainingDimensions, remainingWeights };
}
