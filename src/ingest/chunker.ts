import { countTextTokens, truncateToTokens } from '../llm/token-count.js';
import { sectionsOf, type ChunkUnit, type Section } from './chunking/chunk-units.js';
import { defaultChunkOptions, type Chunk, type ChunkLocation, type ChunkOptions } from './chunking/chunk.js';
import { splitToTokenLimit } from './chunking/token-split.js';
import type { ExtractedDocument } from './extracted-document.js';

export type { Chunk, ChunkLocation, ChunkOptions } from './chunking/chunk.js';
export { defaultChunkOptions } from './chunking/chunk.js';

/** The heading context may take at most this share of a chunk, so content always has room. */
const maximumContextShare = 0.25;

interface MeasuredUnit extends ChunkUnit {
  tokenCount: number;
}

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
    for (const units of packSection(section, context, settings)) {
      chunks.push({ ...assemble(context, units, document, section), ordinal: chunks.length });
    }
  }
  return chunks;
}

function contextLine(document: ExtractedDocument, section: Section, chunkSize: number): string {
  const path = section.headingPath ?? (section.sheet !== undefined ? [section.sheet] : []);
  const title = document.title;
  const full = title && path[0] !== title ? [title, ...path] : path;
  const budget = Math.floor(chunkSize * maximumContextShare);
  for (const candidate of [full, path, path.slice(-1)]) {
    const line = candidate.join(' > ');
    if (countTextTokens(`${line}\n\n`) <= budget) return line;
  }
  return truncateToTokens(path.at(-1) ?? '', budget - 2).text;
}

function prefix(context: string): string {
  return context === '' ? '' : `${context}\n\n`;
}

function joinUnits(units: readonly ChunkUnit[]): string {
  return units.map((unit, index) => (index === 0 ? unit.text : unit.separator + unit.text)).join('');
}

/** Yields the units of each chunk of a section. */
function* packSection(section: Section, context: string, settings: ChunkOptions): Generator<MeasuredUnit[]> {
  const budget = settings.chunkSize - countTextTokens(prefix(context));
  const fill = section.packing === 'rows' ? Math.min(settings.rowGroupTokens, budget) : budget;
  const overlap = section.packing === 'rows' ? 0 : settings.chunkOverlap;
  const exceedsChunkSize = (units: readonly ChunkUnit[]): boolean =>
    countTextTokens(prefix(context) + joinUnits(units)) > settings.chunkSize;
  const queue = measure(section.units, budget);
  let current: MeasuredUnit[] = [];
  let currentTokens = 0;
  // Units in `current` that are new rather than repeated from the previous chunk.
  let fresh = 0;
  let index = 0;

  while (index < queue.length) {
    const unit = queue[index] as MeasuredUnit;
    const added = unit.tokenCount + (current.length > 0 ? countTextTokens(unit.separator) : 0);
    if (fresh === 0 || currentTokens + added <= fill) {
      current.push(unit);
      currentTokens += added;
      fresh += 1;
      index += 1;
      if (index < queue.length) continue;
    }
    // The running total is an estimate where separators meet text; the real count decides.
    // Repeated units go first, then new ones return to the queue (at least one always stays).
    while (current.length > 1 && exceedsChunkSize(current)) {
      if (current.length > fresh) current.shift();
      else {
        current.pop();
        fresh -= 1;
        index -= 1;
      }
    }
    yield current;
    const next = queue[index];
    if (next === undefined) break;
    current = overlapTail(current, overlap, next.tokenCount, budget);
    currentTokens = tokensOf(current);
    fresh = 0;
  }
}

/** Measures units and cuts any that cannot fit in a chunk on their own. */
function measure(units: readonly ChunkUnit[], budget: number): MeasuredUnit[] {
  const measured: MeasuredUnit[] = [];
  for (const unit of units) {
    const tokenCount = countTextTokens(unit.text);
    if (tokenCount <= budget) {
      measured.push({ ...unit, tokenCount });
      continue;
    }
    splitToTokenLimit(unit.text, budget).forEach((piece, index) => {
      measured.push({ ...unit, text: piece, separator: index === 0 ? unit.separator : ' ', tokenCount: countTextTokens(piece) });
    });
  }
  return measured;
}

/** The whole units at the end of a chunk that fit in the overlap and still leave room for the next unit. */
function overlapTail(units: readonly MeasuredUnit[], overlap: number, nextTokens: number, budget: number): MeasuredUnit[] {
  const tail: MeasuredUnit[] = [];
  let tokens = 0;
  for (let index = units.length - 1; index >= 0; index -= 1) {
    const unit = units[index] as MeasuredUnit;
    if (tokens + unit.tokenCount > overlap || tokens + unit.tokenCount + nextTokens > budget) break;
    tail.unshift(unit);
    tokens += unit.tokenCount;
  }
  return tail;
}

function tokensOf(units: readonly MeasuredUnit[]): number {
  return units.reduce((total, unit, index) => total + unit.tokenCount + (index > 0 ? countTextTokens(unit.separator) : 0), 0);
}

function assemble(context: string, units: readonly MeasuredUnit[], document: ExtractedDocument, section: Section): Omit<Chunk, 'ordinal'> {
  const text = prefix(context) + joinUnits(units);
  const location: ChunkLocation = {};
  const pages = units.flatMap((unit) => (unit.page !== undefined ? [unit.page] : []));
  const rows = units.flatMap((unit) => (unit.row !== undefined ? [unit.row] : []));
  if (pages.length > 0) {
    location.page = Math.min(...pages);
    if (Math.max(...pages) > location.page) location.pageEnd = Math.max(...pages);
  }
  if (section.headingPath) location.headingPath = section.headingPath;
  if (section.sheet !== undefined) location.sheet = section.sheet;
  if (rows.length > 0) {
    location.row = Math.min(...rows);
    if (Math.max(...rows) > location.row) location.rowEnd = Math.max(...rows);
  }
  if (document.url) location.url = document.url;
  return { text, tokenCount: countTextTokens(text), location };
}
