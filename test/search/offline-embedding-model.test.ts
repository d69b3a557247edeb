import { embedMany } from 'ai';
import { describe, expect, it } from 'vitest';
import { OfflineEmbeddingModel, offlineEmbeddingDimensions } from '../../src/search/offline-embedding-model.js';

function norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += vector[index]! ** 2;
  return Math.sqrt(sum);
}

function cosine(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!;
  return sum / (norm(left) * norm(right));
}

describe('OfflineEmbeddingModel', () => {
  it('is driven by the AI SDK like any embedding model', async () => {
    const { embeddings } = await embedMany({ model: new OfflineEmbeddingModel(), values: ['Revenue rose 14 percent.', 'Staff get 25 days of leave.'] });
    expect(embeddings).toHaveLength(2);
    for (const embedding of embeddings) {
      expect(embedding).toHaveLength(offlineEmbeddingDimensions);
      expect(norm(embedding)).toBeCloseTo(1, 5);
    }
  });

  it('is deterministic across instances', async () => {
    const text = 'Fernwood Outfitters was established in 2009 in Boulder, Colorado.';
    const first = await new OfflineEmbeddingModel().doEmbed({ values: [text] });
    const second = await new OfflineEmbeddingModel().doEmbed({ values: [text] });
    expect(first.embeddings).toEqual(second.embeddings);
  });

  it('places paraphrases and morphological variants closer than unrelated text', () => {
    const model = new OfflineEmbeddingModel();
    const passage = model.embedText('Total revenues increased by 14 percent compared with the prior year.');
    const paraphrase = model.embedText('How much did sales grow?');
    const unrelated = model.embedText('Stores close on Thanksgiving and Christmas Day.');
    expect(cosine(passage, paraphrase)).toBeGreaterThan(cosine(passage, unrelated) + 0.1);
  });

  it('gives text without topic words the zero vector', () => {
    const model = new OfflineEmbeddingModel();
    expect(norm(model.embedText(''))).toBe(0);
    expect(norm(model.embedText('what is the ... ?'))).toBe(0);
  });

  it('folds case, accents and apostrophes', () => {
    const model = new OfflineEmbeddingModel();
    expect(Array.from(model.embedText('Café Policy'))).toEqual(Array.from(model.embedText("cafe POLICY")));
    expect(cosine(model.embedText("the employee's laptop"), model.embedText('employees laptops'))).toBeGreaterThan(0.8);
  });

  it('embeds a megabyte of text in one call', async () => {
    const sentence = 'Quarterly operating costs fell while the headcount of the Leeds office grew to 120 people. ';
    const chunks = Array.from({ length: 1000 }, (_, index) => `${sentence.repeat(11)} Chunk ${index}.`);
    expect(chunks.join('').length).toBeGreaterThan(1_000_000);
    const { embeddings } = await new OfflineEmbeddingModel().doEmbed({ values: chunks });
    expect(embeddings).toHaveLength(1000);
    expect(embeddings.every((embedding) => Math.abs(norm(embedding) - 1) < 1e-5)).toBe(true);
  });

  it('honours an aborted signal', async () => {
    await expect(new OfflineEmbeddingModel().doEmbed({ values: ['x'], abortSignal: AbortSignal.abort() })).rejects.toThrow();
  });
});
