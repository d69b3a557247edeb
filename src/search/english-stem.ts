/**
 * A light English stemmer for retrieval features: folds plurals, -ing, -ed and -ly so
 * "revenues", "increased" and "increasing" meet their base word. It is deliberately weaker
 * than Porter's: the embedder's character n-grams already bridge most other derivations, and
 * over-stemming merges unrelated words into one feature.
 *
 * The search library keeps its own stemmer rather than sharing the offline responder's: stored
 * embeddings depend on it, so it may only change together with the embedder's model id.
 */
export function stemEnglishWord(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stemmed = word;
  if (stemmed.endsWith('ies') && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith('sses')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('s') && !/(ss|us|is|ys)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);

  stemmed = stripSuffix(stemmed, 'ing', 3) ?? stripSuffix(stemmed, 'ied', 3, 'y') ?? stripSuffix(stemmed, 'ed', 3)
    ?? stripSuffix(stemmed, 'ly', 4) ?? stemmed;

  if (stemmed.length > 4 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

function stripSuffix(word: string, suffix: string, minimumStemLength: number, replacement = ''): string | undefined {
  if (!word.endsWith(suffix)) return undefined;
  const base = word.slice(0, -suffix.length);
  if (base.length < minimumStemLength || !/[aeiouy]/.test(base)) return undefined;
  return undoubleFinalConsonant(base) + replacement;
}

/** "shipp" → "ship", "planned" → "plan"; "ss" words such as "pass" keep theirs. */
function undoubleFinalConsonant(base: string): string {
  const last = base.at(-1);
  if (base.length > 3 && last === base.at(-2) && last !== undefined && /[bdgkmnprt]/.test(last)) return base.slice(0, -1);
  return base;
}
