import { countTextTokens, truncateToTokens } from '../llm/token-count.js';
import { sectionsOf, type ChunkUnit, type Section } from './chunking/chunk-units.js';
import { defaultChunkOptions, type Chunk, type ChunkLocation, type ChunkOptions } from './chunking/chunk.js';
import { countShort, textParts, TokenTally, type TextParts } from './chunking/token-parts.js';
import { splitToTokenLimit } from './chunking/token-split.js';
import type { ExtractedDocument } from './extracted-document.js';

export type { Chunk, ChunkLocation, ChunkOptions } from './chunking/chunk.js';
export { defaultChunkOptions } from './chunking/chunk.js';

/** The heading context may take at most this share of a chunk, so content always has room. */
const maximumContextShare = 0.25;

/**
 * Cuts a document into citation-ready chunks of at most `chunkSize` tokens.
 *
 * Chunks follow the structure: a chunk never spans two sections (heading paths or sheets), and
 * breaks fall only between sentences, list items, table rows or code lines — inside a sentence
 * only when that sentence alone exceeds the budget. Each chunk starts with its heading context
 * ("Annual Report 2023 > Financial highlights") and records page, heading path, sheet and rows
 * for citing. Consecutive prose chunks of a section repeat up to `chunkOverlap` tokens of whole
 * units; spreadsheet rows are self-contained, so they are grouped without overlap.
 *
 * Pure and deterministic: the same document and options always give identical chunks, so an
 * ingestion resumed after a crash produces the same chunks again.
 */
export function chunkDocument(document: ExtractedDocument, options: Partial<ChunkOptions> = {}): Chunk[] {
  const settings = { ...defaultChunkOptions, ...options };
  if (!(settings.chunkSize >= 16)) throw new RangeError('chunkSize must be at least 16 tokens');
  if (!(settings.chunkOverlap >= 0 && settings.chunkOverlap < settings.chunkSize / 2)) {
    throw new RangeError('chunkOverlap must be at least 0 and less than half of chunkSize');
  }
  const chunks: Chunk[] = [];
  for (const section of sectionsOf(document.blocks)) {
    const context = contextLine(document, section, settings.chunkSize);
    const measured = new MeasuredSection(section, context.line, context.prefixTokens, settings.chunkSize);
    for (const packed of packSection(measured, section, settings)) {
      const { text, tokenCount, location } = assemble(measured, packed, document, section);
      chunks.push({ text, tokenCount, location, ordinal: chunks.length });
    }
  }
  return chunks;
}

/** The heading context line of a section, with the tokens of its prefix (the line and a blank line). */
function contextLine(document: ExtractedDocument, section: Section, chunkSize: number): { line: string; prefixTokens: number } {
  const path = section.headingPath ?? (section.sheet !== undefined ? [section.sheet] : []);
  const title = document.title;
  const full = title && path[0] !== title ? [title, ...path] : path;
  const budget = Math.floor(chunkSize * maximumContextShare);
  for (const candidate of [full, path, path.slice(-1)]) {
    const line = candidate.join(' > ');
    const prefixTokens = countTextTokens(`${line}\n\n`);
    // An empty line has no prefix at all.
    if (prefixTokens <= budget) return { line, prefixTokens: line === '' ? 0 : prefixTokens };
  }
  const line = truncateToTokens(path.at(-1) ?? '', budget - 2).text;
  return { line, prefixTokens: countTextTokens(prefix(line)) };
}

function prefix(context: string): string {
  return context === '' ? '' : `${context}\n\n`;
}

/** A unit with its token count. Built field by field: spreading units is much slower. */
interface MeasuredUnit {
  text: string;
  separator: string;
  page: number | undefined;
  row: number | undefined;
  tokenCount: number;
  parts: TextParts;
}

/**
 * The units of a section, measured once, and exact token counts of any run of them behind the
 * heading context, added up from those measurements (see token-parts.ts) instead of recounted.
 */
class MeasuredSection {
  readonly units: MeasuredUnit[];
  /** Tokens left for units after the heading context. */
  readonly budget: number;
  private readonly prefix: string;
  private readonly prefixParts: TextParts;

  constructor(section: Section, context: string, prefixTokens: number, chunkSize: number) {
    this.prefix = prefix(context);
    this.prefixParts = textParts(this.prefix, prefixTokens);
    this.budget = chunkSize - this.prefixParts.tokens;
    this.units = measure(section.units, this.budget);
  }

  /** Exact tokens of the heading context followed by units `start` to `end` (exclusive), joined. */
  tokensOf(start: number, end: number): number {
    const tally = new TokenTally();
    if (this.prefix !== '') tally.add(this.prefix, this.prefixParts);
    for (let index = start; index < end; index += 1) {
      const unit = this.units[index] as MeasuredUnit;
      if (index > start) tally.addJoin(unit.separator);
      tally.add(unit.text, unit.parts);
    }
    return tally.tokens();
  }

  textOf(start: number, end: number): string {
    let text = this.prefix;
    for (let index = start; index < end; index += 1) {
      const unit = this.units[index] as MeasuredUnit;
      text += index === start ? unit.text : unit.separator + unit.text;
    }
    return text;
  }
}

/** A chunk's units, as a range of its section's units, with the chunk's exact token count. */
interface PackedChunk {
  start: number;
  end: number;
  tokenCount: number;
}

/**
 * Yields the units of each chunk of a section.
 *
 * The chunk being filled is always a run of consecutive units ending just before `index`; the
 * packing decisions use the same numbers as before (unit counts plus separator counts), and the
 * exact count of the joined text, which decides whether to drop units, is added up from them.
 */
function* packSection(measured: MeasuredSection, section: Section, settings: ChunkOptions): Generator<PackedChunk> {
  const budget = measured.budget;
  const fill = section.packing === 'rows' ? Math.min(settings.rowGroupTokens, budget) : budget;
  const overlap = section.packing === 'rows' ? 0 : settings.chunkOverlap;
  const queue = measured.units;
  let start = 0;
  let currentTokens = 0;
  // Units in the chunk that are new rather than repeated from the previous chunk.
  let fresh = 0;
  let index = 0;

  while (index < queue.length) {
    const unit = queue[index] as MeasuredUnit;
    const added = unit.tokenCount + (index > start ? countShort(unit.separator) : 0);
    if (fresh === 0 || currentTokens + added <= fill) {
      currentTokens += added;
      fresh += 1;
      index += 1;
      if (index < queue.length) continue;
    }
    // The running total is an estimate where separators meet text; the exact count decides.
    // Repeated units go first, then new ones return to the queue (at least one always stays).
    let exact = index - start > 1 ? measured.tokensOf(start, index) : undefined;
    while (exact !== undefined && exact > settings.chunkSize) {
      if (index - start > fresh) start += 1;
      else {
        fresh -= 1;
        index -= 1;
      }
      exact = index - start > 1 ? measured.tokensOf(start, index) : undefined;
    }
    yield { start, end: index, tokenCount: exact ?? measured.tokensOf(start, index) };
    const next = queue[index];
    if (next === undefined) break;
    start = overlapStart(queue, start, index, overlap, next.tokenCount, budget);
    currentTokens = runTokens(queue, start, index);
    fresh = 0;
  }
}

/** Measures units and cuts any that cannot fit in a chunk on their own. */
function measure(units: readonly ChunkUnit[], budget: number): MeasuredUnit[] {
  const measured: MeasuredUnit[] = [];
  for (const unit of units) {
    const { text, separator, page, row } = unit;
    const tokenCount = countTextTokens(text);
    if (tokenCount <= budget) {
      measured.push({ text, separator, page, row, tokenCount, parts: textParts(text, tokenCount) });
      continue;
    }
    splitToTokenLimit(text, budget, tokenCount).forEach((piece, index) => {
      measured.push({
        text: piece.text,
        separator: index === 0 ? separator : ' ',
        page,
        row,
        tokenCount: piece.tokenCount,
        parts: textParts(piece.text, piece.tokenCount),
      });
    });
  }
  return measured;
}

/** Where the whole units at the end of a chunk that fit in the overlap, and still leave room for the next unit, start. */
function overlapStart(units: readonly MeasuredUnit[], start: number, end: number, overlap: number, nextTokens: number, budget: number): number {
  let tokens = 0;
  let tailStart = end;
  for (let index = end - 1; index >= start; index -= 1) {
    const unit = units[index] as MeasuredUnit;
    if (tokens + unit.tokenCount > overlap || tokens + unit.tokenCount + nextTokens > budget) break;
    tailStart = index;
    tokens += unit.tokenCount;
  }
  return tailStart;
}

/** The running estimate for a run of units: their counts plus their separators' counts. */
function runTokens(units: readonly MeasuredUnit[], start: number, end: number): number {
  let total = 0;
  for (let index = start; index < end; index += 1) {
    const unit = units[index] as MeasuredUnit;
    total += unit.tokenCount + (index > start ? countShort(unit.separator) : 0);
  }
  return total;
}

function assemble(measured: MeasuredSection, packed: PackedChunk, document: ExtractedDocument, section: Section): Omit<Chunk, 'ordinal'> {
  const text = measured.textOf(packed.start, packed.end);
  const location: ChunkLocation = {};
  let pageMin = Infinity;
  let pageMax = -Infinity;
  let rowMin = Infinity;
  let rowMax = -Infinity;
  for (let index = packed.start; index < packed.end; index += 1) {
    const unit = measured.units[index] as MeasuredUnit;
    if (unit.page !== undefined) {
      pageMin = Math.min(pageMin, unit.page);
      pageMax = Math.max(pageMax, unit.page);
    }
    if (unit.row !== undefined) {
      rowMin = Math.min(rowMin, unit.row);
      rowMax = Math.max(rowMax, unit.row);
    }
  }
  if (pageMin !== Infinity) {
    location.page = pageMin;
    if (pageMax > pageMin) location.pageEnd = pageMax;
  }
  if (section.headingPath) location.headingPath = section.headingPath;
  if (section.sheet !== undefined) location.sheet = section.sheet;
  if (rowMin !== Infinity) {
    location.row = rowMin;
    if (rowMax > rowMin) location.rowEnd = rowMax;
  }
  if (document.url) location.url = document.url;
  return { text, tokenCount: packed.tokenCount, location };
}
