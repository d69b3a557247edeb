/** A deterministic pseudo-random number in [0, 1), the same sequence for the same seed on every run. */
export type Random = () => number;

/** xorshift32: tiny, fast and good enough to vary generated test text and benchmark corpora. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** Up to `maximum - 1` pieces picked at random and joined: text that takes every branch a parser has. */
export function randomText(random: Random, pieces: readonly string[], maximum: number): string {
  let text = '';
  for (let count = Math.floor(random() * maximum); count > 0; count--) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}
