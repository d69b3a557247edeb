/**
 * The vectors of one knowledge base, stored dimension-major: all rows' values of dimension 0,
 * then all of dimension 1, and so on, in one contiguous Float32Array. A query then reads only
 * the columns of the dimensions it weighs (see query-plan.ts) as straight sequential runs,
 * instead of every byte of every row. Rows are dense slots 0..size-1; removal moves the last
 * row into the freed slot.
 */
export class VectorSegment {
  #values: Float32Array;
  #capacity: number;
  readonly #chunkIds: string[] = [];

  constructor(
    readonly dimensions: number,
    initialCapacity = 64,
  ) {
    this.#capacity = initialCapacity;
    this.#values = new Float32Array(dimensions * initialCapacity);
  }

  get size(): number {
    return this.#chunkIds.length;
  }

  chunkIdAt(slot: number): string {
    return this.#chunkIds[slot]!;
  }

  /** Appends a row and returns its slot. */
  append(chunkId: string, vector: Float32Array): number {
    if (this.size === this.#capacity) this.#grow();
    const slot = this.#chunkIds.length;
    this.#chunkIds.push(chunkId);
    this.write(slot, vector);
    return slot;
  }

  /** Overwrites the row in `slot`. */
  write(slot: number, vector: Float32Array): void {
    for (let dimension = 0; dimension < this.dimensions; dimension++) {
      this.#values[dimension * this.#capacity + slot] = vector[dimension]!;
    }
  }

  /** Removes the row in `slot` by moving the last row into it; returns the moved row's chunk id. */
  removeAt(slot: number): string | undefined {
    const last = this.size - 1;
    const lastChunkId = this.#chunkIds.pop()!;
    if (slot === last) return undefined;
    this.#chunkIds[slot] = lastChunkId;
    for (let dimension = 0; dimension < this.dimensions; dimension++) {
      const column = dimension * this.#capacity;
      this.#values[column + slot] = this.#values[column + last]!;
    }
    return lastChunkId;
  }

  /**
   * Adds Σ weight·value over the given dimensions to `scores[0..size)`. Two dimensions per pass
   * halve the reads and writes of `scores`, which otherwise dominate.
   */
  accumulateScores(dimensions: Int32Array, weights: Float32Array, scores: Float32Array): void {
    const values = this.#values;
    const capacity = this.#capacity;
    const size = this.size;
    let index = 0;
    for (; index + 1 < dimensions.length; index += 2) {
      const first = dimensions[index]! * capacity;
      const second = dimensions[index + 1]! * capacity;
      const firstWeight = weights[index]!;
      const secondWeight = weights[index + 1]!;
      for (let slot = 0; slot < size; slot++) {
        scores[slot]! += firstWeight * values[first + slot]! + secondWeight * values[second + slot]!;
      }
    }
    if (index < dimensions.length) {
      const column = dimensions[index]! * capacity;
      const weight = weights[index]!;
      for (let slot = 0; slot < size; slot++) scores[slot]! += weight * values[column + slot]!;
    }
  }

  /** The exact dot product of one row with a full query vector. */
  dot(slot: number, query: Float32Array): number {
    let sum = 0;
    for (let dimension = 0, column = slot; dimension < this.dimensions; dimension++, column += this.#capacity) {
      sum += this.#values[column]! * query[dimension]!;
    }
    return sum;
  }

  #grow(): void {
    const capacity = this.#capacity * 2;
    const values = new Float32Array(this.dimensions * capacity);
    for (let dimension = 0; dimension < this.dimensions; dimension++) {
      const from = dimension * this.#capacity;
      values.set(this.#values.subarray(from, from + this.size), dimension * capacity);
    }
    this.#values = values;
    this.#capacity = capacity;
  }
}
