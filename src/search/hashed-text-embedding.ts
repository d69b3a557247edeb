import { conceptOfPhrase } from './concept-groups.js';
import { signedDimension } from './feature-hashing.js';
import { textWords } from './text-terms.js';
import type { CachedWord, WordFeatureCache } from './word-feature-cache.js';
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
  const textNumber = cache.nextText();
  // Distinct words in order of first occurrence, counted on their cache entries.
  const distinctWords: CachedWord[] = [];
  let phraseConceptCounts: Map<number, number> | undefined;
  let previous: WordFeatures | undefined;

  for (const word of textWords(text)) {
    const cached = cache.get(word);
    const features = cached.features;
    if (features === undefined) continue;
    if (cached.text === textNumber) cached.count += 1;
    else {
      cached.text = textNumber;
      cached.count = 1;
      distinctWords.push(cached);
    }
    const phraseConcept = previous?.startsPhrase ? conceptOfPhrase(previous.stem, features.stem) : undefined;
    if (phraseConcept !== undefined) {
      const hash = conceptHash(phraseConcept);
      phraseConceptCounts ??= new Map();
      phraseConceptCounts.set(hash, (phraseConceptCounts.get(hash) ?? 0) + 1);
    }
    previous = features;
  }

  for (const cached of distinctWords) {
    const termWeight = sublinear(cached.count);
    const { dimensions: featureDimensions, signedWeights } = cached.features as WordFeatures;
    for (let index = 0; index < featureDimensions.length; index++) {
      vector[featureDimensions[index]!]! += termWeight * signedWeights[index]!;
    }
  }
  if (phraseConceptCounts) {
    for (const [hash, count] of phraseConceptCounts) addSigned(vector, signedDimension(hash, dimensions), featureWeights.concept * sublinear(count));
  }
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
