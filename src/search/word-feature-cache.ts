import { retrievalStopwords } from './stopwords.js';
import { computeWordFeatures, type WordFeatures } from './word-features.js';

/**
 * A word as the embedder meets it: its features, or none for a stopword, and scratch fields the
 * embedder uses to count the word within one text without a map of its own.
 */
export interface CachedWord {
  /** Undefined for a stopword, which contributes nothing. */
  readonly features: WordFeatures | undefined;
  /** The text being embedded when the word was last counted ({@link WordFeatureCache.nextText}). */
  text: number;
  /** Occurrences in that text. */
  count: number;
}

/**
 * Words kept. An entry with its typed arrays takes about 0.7 KB, so a full cache is ~35 MB; prose
 * rarely uses more distinct words (the top 5,000 words of the benchmark corpus cover 99.8% of
 * it), while identifiers and numbers, which could fill any size, only cost a recomputation.
 */
const defaultCapacity = 50_000;

/**
 * Word features by word, for one dimension count. Word frequencies are Zipfian, so a bounded
 * cache turns almost every lookup into a hit and embedding cost into little more than
 * tokenising; it is simply emptied when full, which costs one recomputation per word. It is
 * only emptied between texts, so a text's words are counted alike whatever was embedded before.
 * Stopwords are kept too, so each word of a text costs one lookup.
 */
export class WordFeatureCache {
  readonly #wordsByText = new Map<string, CachedWord>();
  #text = 0;

  constructor(
    private readonly dimensions: number,
    private readonly capacity = defaultCapacity,
  ) {}

  get(word: string): CachedWord {
    let cached = this.#wordsByText.get(word);
    if (cached === undefined) {
      const features = retrievalStopwords.has(word) ? undefined : computeWordFeatures(word, this.dimensions);
      cached = { features, text: 0, count: 0 };
      this.#wordsByText.set(word, cached);
    }
    return cached;
  }

  /** A fresh number for the next text, so words counted in earlier texts read as unseen. */
  nextText(): number {
    if (this.#wordsByText.size >= this.capacity) this.#wordsByText.clear();
    this.#text += 1;
    return this.#text;
  }
}
