import { describe, expect, it } from 'vitest';
import { SliceKeyedTable } from '../../src/ingest/chunking/slice-keyed-table.js';

describe('a table keyed by slices of strings', () => {
  it('finds a key wherever it lies, and makes its value once', () => {
    const table = new SliceKeyedTable<number>();
    const made: string[] = [];
    const make = (key: string): number => {
      made.push(key);
      return key.length;
    };
    expect(table.getOrCreate('the cat sat', 4, 7, make)).toBe(3);
    expect(table.getOrCreate('cat', 0, 3, make)).toBe(3);
    expect(table.getOrCreate('a cat!', 2, 5, make)).toBe(3);
    expect(table.getOrCreate('cart', 0, 3, make)).toBe(3);
    expect(table.getOrCreate('', 0, 0, make)).toBe(0);
    expect(made).toEqual(['cat', 'car', '']);
    expect(table.size).toBe(3);
  });

  it('keeps every entry as it grows far past its first size', () => {
    const table = new SliceKeyedTable<string>();
    const text = Array.from({ length: 50_000 }, (_unused, index) => `w${index}`).join(' ');
    const spans: [number, number][] = [];
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf(' ', start) === -1 ? text.length : text.indexOf(' ', start);
      spans.push([start, end]);
      table.getOrCreate(text, start, end, (key) => key.toUpperCase());
      start = end + 1;
    }
    expect(table.size).toBe(50_000);
    let remade = 0;
    for (const [start, end] of spans) {
      expect(table.getOrCreate(text, start, end, () => (remade++, 'again'))).toBe(text.slice(start, end).toUpperCase());
    }
    expect(remade).toBe(0);
  });

  it('starts over empty when it reaches its eviction size, and when cleared', () => {
    const table = new SliceKeyedTable<number>(3);
    for (const key of ['a', 'b', 'c']) table.getOrCreate(key, 0, 1, () => 1);
    expect(table.size).toBe(3);
    table.getOrCreate('d', 0, 1, () => 1);
    expect(table.size).toBe(1);
    let made = 0;
    table.getOrCreate('a', 0, 1, () => ++made);
    expect(made).toBe(1);
    table.clear();
    expect(table.size).toBe(0);
  });
});
