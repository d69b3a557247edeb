import { truncateToTokens } from '../llm/token-count.js';
import { SectionSplitter, type SectionHeader } from './chunking/chunk-units.js';
import { defaultChunkOptions, type Chunk, type ChunkOptions } from './chunking/chunk.js';
import { SectionPacker, type SectionContext } from './chunking/section-packer.js';
import { countTokens } from './chunking/token-counter.js';
import type { Block, ExtractedDocument } from './extracted-document.js';

export type { Chunk, ChunkLocation, ChunkOptions } from './chunking/chunk.js';
export { defaultChunkOptions } from './chunking/chunk.js';

/** The heading context may take at most this share of a chunk, so content always has room. */
const maximumContextShare = 0.25;

/** What the chunker needs to know about a document before its first block: its title and URL. */
export type DocumentHeading = Pick<ExtractedDocument, 'title' | 'url'>;

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
  const chunker = new DocumentChunker(document, options);
  const chunks: Chunk[] = [];
  for (const block of document.blocks) chunks.push(...chunker.push(block));
  chunks.push(...chunker.finish());
  return chunks;
}

/**
 * {@link chunkDocument} fed one block at a time, for documents read as a stream: it holds only
 * the chunk being filled, and gives exactly the chunks `chunkDocument` gives for the same blocks.
 */
export class DocumentChunker {
  readonly #settings: ChunkOptions;
  readonly #splitter: SectionSplitter;
  #packer: SectionPacker | undefined;
  #ordinal = 0;
  #ready: Chunk[] = [];

  /** @throws RangeError for a chunk size under 16 tokens or an overlap of half of it or more. */
  constructor(
    private readonly document: DocumentHeading,
    options: Partial<ChunkOptions> = {},
  ) {
    const settings = { ...defaultChunkOptions, ...options };
    if (!(settings.chunkSize >= 16)) throw new RangeError('chunkSize must be at least 16 tokens');
    if (!(settings.chunkOverlap >= 0 && settings.chunkOverlap < settings.chunkSize / 2)) {
      throw new RangeError('chunkOverlap must be at least 0 and less than half of chunkSize');
    }
    this.#settings = settings;
    this.#splitter = new SectionSplitter({
      startSection: (section) => this.#startSection(section),
      addUnit: (unit) => this.#packer?.add(unit),
    });
  }

  /** Takes the next block; returns the chunks it completed, often none. */
  push(block: Block): Chunk[] {
    this.#splitter.push(block);
    return this.#take();
  }

  /** The document ended: returns its last chunks. */
  finish(): Chunk[] {
    this.#packer?.finish();
    this.#packer = undefined;
    return this.#take();
  }

  #startSection(section: SectionHeader): void {
    this.#packer?.finish();
    const context = { ...contextLine(this.document, section, this.#settings.chunkSize), url: this.document.url };
    this.#packer = new SectionPacker(section, context, this.#settings, (chunk) => {
      this.#ready.push({ text: chunk.text, tokenCount: chunk.tokenCount, location: chunk.location, ordinal: this.#ordinal });
      this.#ordinal += 1;
    });
  }

  #take(): Chunk[] {
    const chunks = this.#ready;
    this.#ready = [];
    return chunks;
  }
}

/** The heading context line of a section, with the tokens of its prefix (the line and a blank line). */
function contextLine(document: DocumentHeading, section: SectionHeader, chunkSize: number): Omit<SectionContext, 'url'> {
  const path = section.headingPath ?? (section.sheet !== undefined ? [section.sheet] : []);
  const title = document.title;
  const full = title && path[0] !== title ? [title, ...path] : path;
  const budget = Math.floor(chunkSize * maximumContextShare);
  for (const candidate of [full, path, path.slice(-1)]) {
    const line = candidate.join(' > ');
    const prefixTokens = countTokens(`${line}\n\n`);
    // An empty line has no prefix at all.
    if (prefixTokens <= budget) return { line, prefixTokens: line === '' ? 0 : prefixTokens };
  }
  const line = truncateToTokens(path.at(-1) ?? '', budget - 2).text;
  return { line, prefixTokens: countTokens(line === '' ? '' : `${line}\n\n`) };
}
