import { computeWordFeatures, type WordFeatures } from './word-features.js';

/**
 * Word features by word, for one dimension count. Word frequencies are Zipfian, so a bounded
 * cache turns almost every lookup into a hit and embedding cost into little more than
 * tokenising; it is simply emptied when full, which costs one recomputation per word.
 */
export class WordFeatureCache {
  readonly #featuresByWord = new Map<string, WordFeatures>();

  constructor(
    private readonly dimensions: number,
    private readonly capacity = 200_000,
  ) {}

  get(word: string): WordFeatures {
    let features = this.#featuresByWord.get(word);
    if (features === undefined) {
      if (this.#featuresByWord.size >= this.capacity) this.#featuresByWord.clear();
      features = computeWordFeatures(word, this.dimensions);
      this.#featuresByWord.set(word, features);
    }
    return features;
  }
}
