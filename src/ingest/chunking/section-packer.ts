import type { ChunkUnit, SectionHeader } from './chunk-units.js';
import type { Chunk, ChunkLocation, ChunkOptions } from './chunk.js';
import { countTokens } from './token-counter.js';
import { countShort, textParts, TokenTally, type TextParts } from './token-parts.js';
import { splitToTokenLimit } from './token-split.js';

/** A unit with its token count. Built field by field: spreading units is much slower. */
interface MeasuredUnit {
  text: string;
  separator: string;
  page: number | undefined;
  row: number | undefined;
  tokenCount: number;
  parts: TextParts;
}

/** The heading context of a section's chunks and where they come from. */
export interface SectionContext {
  /** The heading context line ("Annual Report 2023 > Financial highlights"); empty for none. */
  line: string;
  /** Tokens of the line followed by a blank line; 0 for an empty line. */
  prefixTokens: number;
  /** Copied into every chunk's location. */
  url: string | undefined;
}

/** Dead units (before the chunk being filled) are dropped once this many have piled up. */
const trimThreshold = 256;

/**
 * Packs one section's units into chunks as the units arrive, so a section of any length (a whole
 * plain-text file is one) is never held whole: only the chunk being filled and its overlap stay.
 *
 * The chunk being filled is always a run of consecutive units ending just before `index`; the
 * packing decisions use unit counts plus separator counts, and the exact count of the joined
 * text, which decides whether to drop units, is added up from them (see token-parts.ts). A
 * decision needs only the next unit, so the packer waits for more units exactly where the
 * section's end would otherwise close the chunk, and {@link finish} closes it.
 */
export class SectionPacker {
  readonly #units: MeasuredUnit[] = [];
  readonly #prefix: string;
  readonly #prefixParts: TextParts;
  /** Tokens left for units after the heading context. */
  readonly #budget: number;
  readonly #fill: number;
  readonly #overlap: number;
  #start = 0;
  #index = 0;
  #currentTokens = 0;
  /** Units in the chunk that are new rather than repeated from the previous chunk. */
  #fresh = 0;

  constructor(
    private readonly section: SectionHeader,
    private readonly context: SectionContext,
    private readonly settings: ChunkOptions,
    private readonly emit: (chunk: Omit<Chunk, 'ordinal'>) => void,
  ) {
    this.#prefix = context.line === '' ? '' : `${context.line}\n\n`;
    this.#prefixParts = textParts(this.#prefix, context.prefixTokens);
    this.#budget = settings.chunkSize - this.#prefixParts.tokens;
    this.#fill = section.packing === 'rows' ? Math.min(settings.rowGroupTokens, this.#budget) : this.#budget;
    this.#overlap = section.packing === 'rows' ? 0 : settings.chunkOverlap;
  }

  /** Measures a unit, cutting it when it cannot fit in a chunk on its own, and packs what it can. */
  add(unit: ChunkUnit): void {
    const { text, separator, page, row } = unit;
    const tokenCount = countTokens(text);
    if (tokenCount <= this.#budget) {
      this.#units.push({ text, separator, page, row, tokenCount, parts: textParts(text, tokenCount) });
    } else {
      splitToTokenLimit(text, this.#budget, tokenCount).forEach((piece, index) => {
        this.#units.push({
          text: piece.text,
          separator: index === 0 ? separator : ' ',
          page,
          row,
          tokenCount: piece.tokenCount,
          parts: textParts(piece.text, piece.tokenCount),
        });
      });
    }
    this.#pack(false);
  }

  /** The section ended: closes the last chunk. */
  finish(): void {
    this.#pack(true);
  }

  #pack(ended: boolean): void {
    const queue = this.#units;
    while (true) {
      if (this.#index < queue.length) {
        const unit = queue[this.#index] as MeasuredUnit;
        const added = unit.tokenCount + (this.#index > this.#start ? countShort(unit.separator) : 0);
        if (this.#fresh === 0 || this.#currentTokens + added <= this.#fill) {
          this.#currentTokens += added;
          this.#fresh += 1;
          this.#index += 1;
          continue;
        }
      } else if (!ended || this.#fresh === 0) {
        this.#trim();
        return;
      }
      this.#close();
      const next = queue[this.#index];
      if (next === undefined) {
        this.#fresh = 0;
        this.#start = this.#index;
        this.#trim();
        return;
      }
      this.#start = this.#overlapStart(next.tokenCount);
      this.#currentTokens = this.#runTokens(this.#start, this.#index);
      this.#fresh = 0;
    }
  }

  /**
   * Emits the chunk of units `start` to `index`. The running total is an estimate where
   * separators meet text; the exact count decides. Repeated units go first, then new ones
   * return to the queue (at least one always stays).
   */
  #close(): void {
    let exact = this.#index - this.#start > 1 ? this.#tokensOf(this.#start, this.#index) : undefined;
    while (exact !== undefined && exact > this.settings.chunkSize) {
      if (this.#index - this.#start > this.#fresh) this.#start += 1;
      else {
        this.#fresh -= 1;
        this.#index -= 1;
      }
      exact = this.#index - this.#start > 1 ? this.#tokensOf(this.#start, this.#index) : undefined;
    }
    this.emit(this.#assemble(this.#start, this.#index, exact ?? this.#tokensOf(this.#start, this.#index)));
  }

  /** Drops units no later chunk can contain. */
  #trim(): void {
    if (this.#start < trimThreshold) return;
    this.#units.splice(0, this.#start);
    this.#index -= this.#start;
    this.#start = 0;
  }

  /** Exact tokens of the heading context followed by units `start` to `end` (exclusive), joined. */
  #tokensOf(start: number, end: number): number {
    const tally = new TokenTally();
    if (this.#prefix !== '') tally.add(this.#prefix, this.#prefixParts);
    for (let index = start; index < end; index += 1) {
      const unit = this.#units[index] as MeasuredUnit;
      if (index > start) tally.addJoin(unit.separator);
      tally.add(unit.text, unit.parts);
    }
    return tally.tokens();
  }

  /** Where the whole units at the end of a chunk that fit in the overlap, and still leave room for the next unit, start. */
  #overlapStart(nextTokens: number): number {
    let tokens = 0;
    let tailStart = this.#index;
    for (let index = this.#index - 1; index >= this.#start; index -= 1) {
      const unit = this.#units[index] as MeasuredUnit;
      if (tokens + unit.tokenCount > this.#overlap || tokens + unit.tokenCount + nextTokens > this.#budget) break;
      tailStart = index;
      tokens += unit.tokenCount;
    }
    return tailStart;
  }

  /** The running estimate for a run of units: their counts plus their separators' counts. */
  #runTokens(start: number, end: number): number {
    let total = 0;
    for (let index = start; index < end; index += 1) {
      const unit = this.#units[index] as MeasuredUnit;
      total += unit.tokenCount + (index > start ? countShort(unit.separator) : 0);
    }
    return total;
  }

  #assemble(start: number, end: number, tokenCount: number): Omit<Chunk, 'ordinal'> {
    let text = this.#prefix;
    const location: ChunkLocation = {};
    let pageMin = Infinity;
    let pageMax = -Infinity;
    let rowMin = Infinity;
    let rowMax = -Infinity;
    for (let index = start; index < end; index += 1) {
      const unit = this.#units[index] as MeasuredUnit;
      text += index === start ? unit.text : unit.separator + unit.text;
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
    if (this.section.headingPath) location.headingPath = this.section.headingPath;
    if (this.section.sheet !== undefined) location.sheet = this.section.sheet;
    if (rowMin !== Infinity) {
      location.row = rowMin;
      if (rowMax > rowMin) location.rowEnd = rowMax;
    }
    if (this.context.url) location.url = this.context.url;
    return { text, tokenCount, location };
  }
}
