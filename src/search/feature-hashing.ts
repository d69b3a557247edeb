/**
 * Feature hashing ("the hashing trick"): any string feature lands in one of a fixed number of
 * dimensions with a sign, without a vocabulary. Signed hashing keeps the expected inner product
 * of two hashed vectors equal to that of the unhashed feature vectors, so collisions add noise
 * rather than bias.
 */

const fnvOffsetBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** FNV-1a over UTF-16 code units of `text[start, end)`, continuing from `seed`. */
export function fnv1a(text: string, start = 0, end = text.length, seed = fnvOffsetBasis): number {
  let hash = seed;
  for (let index = start; index < end; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, fnvPrime);
  }
  return hash >>> 0;
}

/** Continues an FNV-1a hash with one more code unit. */
export function fnv1aStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, fnvPrime) >>> 0;
}

/**
 * MurmurHash3's finaliser: FNV's low bits mix poorly, and the bucket is taken from the low
 * bits while the sign is taken from the top one.
 */
export function mixBits(hash: number): number {
  let mixed = hash;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}


/**
 * Encodes a mixed hash as a signed dimension: `dimension + 1` for a positive sign, its negation
 * for a negative one, so one Int32Array holds both.
 */
export function signedDimension(mixedHash: number, dimensions: number): number {
  const dimension = (mixedHash & 0x7fffffff) % dimensions;
  return mixedHash >>> 31 === 0 ? dimension + 1 : -(dimension + 1);
}
