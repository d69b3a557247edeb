import { conceptOfPhrase } from './concept-groups.js';
import { signedDimension } from './feature-hashing.js';
import { retrievalStopwords } from './stopwords.js';
import { textWords } from './text-terms.js';
import type { WordFeatureCache } from './word-feature-cache.js';
import { conceptHash, featureWeights, type WordFeatures } from './word-features.js';

/**
 * Embeds a text as an L2-normalised, feature-hashed bag of its topic words' features (stem,
 * concept, character n-grams) plus two-word concepts ("chief executive"). Repeated words count
 * sublinearly (1 + ln tf) so one term repeated through a long chunk cannot drown out the rest.
 * An empty or stopword-only text gives the zero vector, which is similar to nothing.
 *
 * There are deliberately no word-pair features: matching exact phrases is what the sparse
 * (BM25) side of hybrid search does well, while every extra feature adds hashing-collision
 * noise to the few hundred dimensions; on paraphrased questions they measurably hurt.
 */
export function embedHashedText(text: string, dimensions: number, cache: WordFeatureCache): Float32Array {
  const vector = new Float32Array(dimensions);
  const wordCounts = new Map<WordFeatures, number>();
  const phraseConceptCounts = new Map<number, number>();
  let previous: WordFeatures | undefined;

  for (const word of textWords(text)) {
    if (retrievalStopwords.has(word)) continue;
    const features = cache.get(word);
    wordCounts.set(features, (wordCounts.get(features) ?? 0) + 1);
    const phraseConcept = previous?.startsPhrase ? conceptOfPhrase(previous.stem, features.stem) : undefined;
    if (phraseConcept !== undefined) {
      const hash = conceptHash(phraseConcept);
      phraseConceptCounts.set(hash, (phraseConceptCounts.get(hash) ?? 0) + 1);
    }
    previous = features;
  }

  for (const [features, count] of wordCounts) {
    const termWeight = sublinear(count);
    const { signedDimensions, weights } = features;
    for (let index = 0; index < signedDimensions.length; index++) {
      addSigned(vector, signedDimensions[index]!, termWeight * weights[index]!);
    }
  }
  for (const [hash, count] of phraseConceptCounts) addSigned(vector, signedDimension(hash, dimensions), featureWeights.concept * sublinear(count));
  return normaliseInPlace(vector);
}

function sublinear(count: number): number {
  return 1 + Math.log(count);
}

function addSigned(vector: Float32Array, signed: number, weight: number): void {
  if (signed > 0) vector[signed - 1]! += weight;
  else vector[-signed - 1]! -= weight;
}

/** Scales a vector to unit length; the zero vector stays zero. */
export function normaliseInPlace(vector: Float32Array): Float32Array {
  let squaredNorm = 0;
  for (let index = 0; index < vector.length; index++) squaredNorm += vector[index]! * vector[index]!;
  if (squaredNorm === 0) return vector;
  const scale = 1 / Math.sqrt(squaredNorm);
  for (let index = 0; index < vector.length; index++) vector[index]! *= scale;
  return vector;
}
