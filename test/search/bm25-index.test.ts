import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Bm25Index, type Bm25Hit } from '../../src/search/bm25-index.js';
import { decodeBm25Index, encodeBm25Index, Bm25SnapshotError } from '../../src/search/bm25-snapshot.js';
import { bm25Document, bm25QueryTerms, bm25Term } from '../../src/search/bm25-terms.js';
import { retrievalStopwords } from '../../src/search/stopwords.js';
import { TinyBm25 } from './fixtures/tiny-bm25.js';

/** A deterministic pseudo-random generator (mulberry32), so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = `turbine gearbox revenue audit harbour penguin vault lighthouse keeper ledger invoice
  contract clause warranty shipment pallet forklift canteen lunch meeting budget forecast quarter
  growth decline margin supplier customer refund policy manual chapter section figure table`.split(/\s+/).filter(Boolean);
const fillers = ['the', 'of', 'and', 'is', 'a', 'to', 'in'];

function corpus(size: number, random: () => number): { id: number; text: string }[] {
  return Array.from({ length: size }, (_, position) => {
    const length = 5 + Math.floor(random() * 40);
    const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
    // Skewed towards the first words so that terms have very different document frequencies.
    const words = Array.from({ length }, () => (random() < 0.3 ? pick(fillers) : pick(vocabulary.slice(0, 1 + Math.floor(random() * vocabulary.length)))));
    return { id: position + 1, text: words.join(' ') };
  });
}

/** The reference: brute-force BM25 over the same words the index keeps. */
function oracle(documents: readonly { id: number; text: string }[]): TinyBm25 {
  const tokens = (text: string) =>
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => (word.length < 2 || retrievalStopwords.has(word) ? `#${word}` : bm25Term(word)));
  return new TinyBm25(documents.map((document) => ({ id: String(document.id).padStart(6, '0'), text: document.text })), tokens);
}

function expectSameRanking(actual: Bm25Hit[], expected: { id: string; score: number }[]): void {
  expect(actual.map((hit) => hit.chunkId)).toEqual(expected.map((hit) => Number(hit.id)));
  actual.forEach((hit, position) => expect(hit.score).toBeCloseTo(expected[position]!.score, 4));
}

describe('Bm25Index', () => {
  const random = seeded(7);
  const documents = corpus(600, random);
  const queries = Array.from({ length: 60 }, () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' '));

  it('ranks exactly as brute-force BM25, ties by the smaller chunk id', () => {
    const index = new Bm25Index();
    for (const document of documents) index.add(document.id, bm25Document(document.text));
    const reference = oracle(documents);
    for (const query of queries) expectSameRanking(index.search(bm25QueryTerms(query), 10), reference.search(query, 10));
  });

  it('after the removals that trigger a compaction, ranks as a fresh index of what is left', () => {
    const index = new Bm25Index();
    for (const document of documents) index.add(document.id, bm25Document(document.text));
    // 256 removals of 600 slots: the last one crosses both compaction thresholds (256 dead, 25%).
    const removed = new Set(documents.filter((document) => document.id % 5 !== 0).slice(0, 256).map((document) => document.id));
    for (const id of removed) index.remove(id);
    const left = documents.filter((document) => !removed.has(document.id));
    expect(index.size).toBe(left.length);
    const reference = oracle(left);
    for (const query of queries) expectSameRanking(index.search(bm25QueryTerms(query), 10), reference.search(query, 10));
  });

  it('never returns a removed or replaced chunk, before any compaction', () => {
    const index = new Bm25Index();
    index.add(1, bm25Document('The vault code rotates weekly.'));
    index.add(2, bm25Document('The vault is in the basement.'));
    index.add(3, bm25Document('Vault, vault, vault: the vault.'));
    index.remove(3);
    index.add(2, bm25Document('The canteen opens at noon.'));
    expect(index.search(bm25QueryTerms('vault'), 10).map((hit) => hit.chunkId)).toEqual([1]);
    expect(index.search(bm25QueryTerms('canteen'), 10).map((hit) => hit.chunkId)).toEqual([2]);
  });

  it('has nothing to say for stopword-only questions or unknown words', () => {
    const index = new Bm25Index();
    index.add(1, bm25Document('What is it about?'));
    expect(bm25QueryTerms('What is it?')).toEqual([]);
    expect(index.search(bm25QueryTerms('xylophone'), 5)).toEqual([]);
  });
});

describe('bm25Term', () => {
  it('stems exactly as SQLite FTS5 porter tokenizer does, so the database fallback matches the same words', () => {
    const words = [...new Set(`${vocabulary.join(' ')} revenues grew growing financial highlights restated installations
      running runner generously happiness relational conditional rational valuation digitizer operator
      feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative
      formalize electriciti electrical hopeful goodness revival allowance inference airliner adjustable
      defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti
      homologous effective bowdlerize probate rate cease controll roll caresses ponies ties caress cats
      feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling hissing
      fizzed failing filing happy sky 1990s covid19 2023 mp3s q4s 10ths rooms2 x86`.split(/\s+/).filter(Boolean))];
    const db = new Database(':memory:');
    db.exec(`create virtual table words using fts5(word, tokenize='porter unicode61');
      create virtual table stems using fts5vocab(words, instance);`);
    const insert = db.prepare('insert into words(rowid, word) values (?, ?)');
    words.forEach((word, position) => insert.run(position + 1, word));
    const stems = db.prepare('select doc, term from stems order by doc').all() as { doc: number; term: string }[];
    expect(stems).toHaveLength(words.length);
    for (const { doc, term } of stems) expect([words[doc - 1], bm25Term(words[doc - 1]!)]).toEqual([words[doc - 1], term]);
    db.close();
  });
});

describe('BM25 index snapshots', () => {
  const random = seeded(11);
  const documents = corpus(400, random);
  const questions = ['turbine gearbox', 'revenue audit ledger', 'penguin', 'table figure chapter', 'unknownword'];

  function built(): Bm25Index {
    const index = new Bm25Index();
    for (const document of documents) index.add(document.id, bm25Document(document.text));
    return index;
  }

  it('round-trips: a decoded index ranks exactly as the one encoded, and keeps growing', () => {
    const original = built();
    // Removals that leave dead slots: encoding compacts them away first.
    for (const id of [3, 7, 11]) original.remove(id);
    const restored = decodeBm25Index(encodeBm25Index(original));
    expect(restored.size).toBe(original.size);
    for (const question of questions) expect(restored.search(bm25QueryTerms(question), 10)).toEqual(original.search(bm25QueryTerms(question), 10));

    restored.add(10_001, bm25Document('A penguin audits the turbine ledger.'));
    original.add(10_001, bm25Document('A penguin audits the turbine ledger.'));
    expect(restored.search(bm25QueryTerms('penguin ledger'), 5)).toEqual(original.search(bm25QueryTerms('penguin ledger'), 5));
  });

  it('refuses bytes that are not a whole snapshot of this version', () => {
    const bytes = encodeBm25Index(built());
    expect(() => decodeBm25Index(bytes.subarray(0, bytes.length - 1))).toThrow(Bm25SnapshotError);
    expect(() => decodeBm25Index(Buffer.from('DOCENT-BM25 2\n'))).toThrow(Bm25SnapshotError);
    const wrongSlot = Buffer.from(bytes);
    // The first posting's slot, past the last slot, as a corrupt file could have it. Offsets
    // follow the documented layout: a 30-byte header, then 8-byte-aligned arrays.
    const [slotCount, termCount, , termsBytes] = [14, 18, 22, 26].map((offset) => wrongSlot.readUInt32LE(offset)) as [number, number, number, number];
    const align = (offset: number) => Math.ceil(offset / 8) * 8;
    const lengthsAt = align(32 + slotCount * 8);
    const termsAt = align(lengthsAt + slotCount * 4);
    const slotsAt = align(align(termsAt + termsBytes) + termCount * 4);
    wrongSlot.writeUInt32LE(slotCount + 5, slotsAt);
    expect(() => decodeBm25Index(wrongSlot)).toThrow(Bm25SnapshotError);
  });
});
