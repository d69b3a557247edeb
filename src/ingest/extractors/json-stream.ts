import { DocumentBuilder } from '../document-builder.js';
import type { Block } from '../extracted-document.js';
import { addJsonItem, extractJson } from './json-extractor.js';
import { JsonItemScanner, type JsonItemText } from './json-items.js';

/** Keys JavaScript orders first and by number in `Object.entries`, whatever their place in the text. */
const arrayIndexKey = /^(?:0|[1-9]\d{0,9})$/;

/**
 * Reads JSON as `extractJson` does, one top-level item at a time, in two passes over the text:
 * the first checks that every item parses and that the object's keys come out of
 * `Object.entries` in text order (no duplicates, no array-index keys); the second hands the
 * items on as blocks. Text that fails the check is read whole by `extractJson`, which then
 * reports malformed JSON exactly as before.
 *
 * @param text Reads the decoded text from the start, in pieces; called once per pass.
 * @throws IngestError `corrupt` for malformed JSON.
 */
export async function readJson(text: () => AsyncIterable<string>): Promise<AsyncIterable<Block[]>> {
  if (await readableByItem(text())) return jsonBlocks(text());
  let whole = '';
  for await (const piece of text()) whole += piece;
  const { blocks } = extractJson(whole);
  return (async function* () {
    yield blocks;
  })();
}

async function readableByItem(text: AsyncIterable<string>): Promise<boolean> {
  const scanner = new JsonItemScanner();
  const keys = new Set<string>();
  try {
    for await (const piece of text) {
      for (const item of scanner.scan(piece)) {
        JSON.parse(item.value);
        if (item.key === undefined) continue;
        const key = JSON.parse(item.key) as string;
        if (keys.has(key) || (arrayIndexKey.test(key) && Number(key) < 2 ** 32 - 1)) return false;
        keys.add(key);
      }
      if (scanner.failed) return false;
    }
  } catch {
    return false;
  }
  return scanner.end();
}

async function* jsonBlocks(text: AsyncIterable<string>): AsyncGenerator<Block[]> {
  const scanner = new JsonItemScanner();
  const builder = new DocumentBuilder();
  let index = 0;
  const add = (item: JsonItemText): void => {
    const path = item.key === undefined ? `[${index}]` : (JSON.parse(item.key) as string);
    addJsonItem(builder, path, JSON.parse(item.value));
    index += 1;
  };
  for await (const piece of text) {
    for (const item of scanner.scan(piece)) add(item);
    const blocks = builder.take();
    if (blocks.length > 0) yield blocks;
  }
}
