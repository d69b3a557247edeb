import { commonWordWeight, commonWords } from './common-words.js';
import { conceptOfStem, startsConceptPhrase } from './concept-groups.js';
import { stemEnglishWord } from './english-stem.js';
import { fnv1a, fnv1aStep, mixBits, signedDimension } from './feature-hashing.js';

/** The hashed features one word contributes to an embedding. */
export interface WordFeatures {
  /** The word's light stem, used to look up two-word concepts. */
  readonly stem: string;
  /** Whether a two-word concept starts with this word ("chief" of "chief executive"). */
  readonly startsPhrase: boolean;
  /** Dimensions the features land in, parallel to `signedWeights`. */
  readonly dimensions: Int32Array;
  /** Each feature's weight with its hashed sign (see {@link signedDimension}) applied. */
  readonly signedWeights: Float32Array;
}

/** Relative weights of a word's feature families; each family's squared norm is its weight squared. */
export const featureWeights = {
  stem: 1,
  concept: 1,
  characterNgrams: 0.9,
} as const;

const stemSeed = fnv1a('stem:');
const conceptSeed = fnv1a('concept:');
const ngramSeed = fnv1a('ngram:');
const shortestNgram = 3;
const longestNgram = 5;
/** Longer tokens (identifiers, URLs, base64) get no n-grams: their pieces say nothing about meaning. */
const longestWordWithNgrams = 24;

/** The hash a concept name contributes, shared by every word of the concept. */
export function conceptHash(concept: string): number {
  return mixBits(fnv1a(concept, 0, concept.length, conceptSeed));
}

/**
 * Computes a word's features: its stem, its concept (see concept-groups.ts) and its character
 * 3- to 5-grams with word boundaries marked, so "profit" and "profitability" or a misspelt
 * "recieve" still share most of their features. Numbers contribute their exact value only;
 * very common words (see common-words.ts) contribute at reduced weight.
 */
export function computeWordFeatures(word: string, dimensions: number): WordFeatures {
  const stem = stemEnglishWord(word);
  const concept = conceptOfStem(stem);
  const dimensionsOut: number[] = [];
  const weightsOut: number[] = [];
  const stemHash = mixBits(fnv1a(stem, 0, stem.length, stemSeed));
  dimensionsOut.push(signedDimension(stemHash, dimensions));
  weightsOut.push(featureWeights.stem);
  if (concept !== undefined) {
    dimensionsOut.push(signedDimension(conceptHash(concept), dimensions));
    weightsOut.push(featureWeights.concept);
  }
  if (!/^\d+$/.test(word) && word.length <= longestWordWithNgrams) addCharacterNgrams(word, dimensions, dimensionsOut, weightsOut);
  if (commonWords.has(word)) for (let index = 0; index < weightsOut.length; index++) weightsOut[index]! *= commonWordWeight;
  // Weights are float32 first and negated after: negation is exact, so adding a negated weight
  // gives the same float as subtracting the weight.
  const signedWeights = Float32Array.from(weightsOut);
  const dimensionIndexes = new Int32Array(dimensionsOut.length);
  dimensionsOut.forEach((signed, index) => {
    dimensionIndexes[index] = Math.abs(signed) - 1;
    if (signed < 0) signedWeights[index] = -signedWeights[index]!;
  });
  return { stem, startsPhrase: startsConceptPhrase(stem), dimensions: dimensionIndexes, signedWeights };
}

function addCharacterNgrams(word: string, dimensions: number, dimensionsOut: number[], weightsOut: number[]): void {
  const padded = `<${word}>`;
  const firstNgram = dimensionsOut.length;
  for (let start = 0; start + shortestNgram <= padded.length; start++) {
    let hash = ngramSeed;
    const end = Math.min(start + longestNgram, padded.length);
    for (let index = start; index < end; index++) {
      hash = fnv1aStep(hash, padded.charCodeAt(index));
      if (index - start + 1 >= shortestNgram) dimensionsOut.push(signedDimension(mixBits(hash), dimensions));
    }
  }
  const ngramCount = dimensionsOut.length - firstNgram;
  const weight = featureWeights.characterNgrams / Math.sqrt(ngramCount);
  for (let index = 0; index < ngramCount; index++) weightsOut.push(weight);
}
