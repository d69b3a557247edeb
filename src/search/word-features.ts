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
  /** Signed dimensions (see {@link signedDimension}), parallel to `weights`. */
  readonly signedDimensions: Int32Array;
  readonly weights: Float32Array;
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
  return { stem, startsPhrase: startsConceptPhrase(stem), signedDimensions: Int32Array.from(dimensionsOut), weights: Float32Array.from(weightsOut) };
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
