import type { Block } from '../extracted-document.js';
import { splitSentences } from './sentence-split.js';

/** The smallest piece the chunker moves: a sentence, list item, table row, code line or sheet row. */
export interface ChunkUnit {
  text: string;
  /** What joins this unit to the previous one inside a chunk: a space within a paragraph, line breaks between blocks. */
  separator: string;
  page?: number;
  row?: number;
}

/**
 * A run of blocks under the same heading path (or on the same sheet). Chunks never span two
 * sections, so a chunk's heading context and citation are exact.
 */
export interface Section {
  /** `rows` sections hold self-contained spreadsheet rows: grouped, never overlapped. */
  packing: 'prose' | 'rows';
  headingPath?: string[];
  sheet?: string;
  units: ChunkUnit[];
}

/** A section's identity: what its chunks' heading context and citations say. */
export type SectionHeader = Omit<Section, 'units'>;

/** Where a {@link SectionSplitter} sends what it finds, in reading order. */
export interface UnitSink {
  /** A new section begins; the units that follow belong to it until the next one. */
  startSection(section: SectionHeader): void;
  addUnit(unit: ChunkUnit): void;
}

/**
 * Splits blocks into sections of chunk units as they arrive, one block at a time, so a document
 * never has to be held whole: a section may still start with no unit (a block that yields none),
 * and {@link sectionsOf} drops such sections.
 */
export class SectionSplitter {
  #started = false;
  #packing: Section['packing'] = 'prose';
  #path: string[] | undefined;
  #sheet: string | undefined;
  #previousKind: Block['kind'] | undefined;
  /** Units in the current section so far: its first unit has no separator. */
  #unitCount = 0;
  // Running numbers of ordered list items per depth; a list of the other kind restarts them.
  readonly #listNumbers: { ordered: boolean; count: number }[] = [];

  constructor(private readonly sink: UnitSink) {}

  push(block: Block): void {
    if (block.kind === 'heading' || block.kind === 'page-break') return;
    const packing = block.kind === 'sheet-row' ? 'rows' : 'prose';
    const { headingPath, sheet, page } = block.location;
    const sameSection = this.#started && packing === this.#packing && sheet === this.#sheet && samePath(headingPath, this.#path);
    this.#path = headingPath;
    this.#sheet = sheet;
    if (!sameSection) {
      this.#started = true;
      this.#packing = packing;
      this.#previousKind = undefined;
      this.#unitCount = 0;
      this.sink.startSection({ packing, ...(headingPath ? { headingPath } : {}), ...(sheet !== undefined ? { sheet } : {}) });
    }
    const blockSeparator = this.#previousKind === undefined ? '' : '\n\n';
    const add = (text: string, separator: string, row?: number): void => {
      // Built field by field rather than by spreading: this runs for every sentence.
      const unit: ChunkUnit = { text, separator: this.#unitCount === 0 ? '' : separator };
      if (page !== undefined) unit.page = page;
      if (row !== undefined) unit.row = row;
      this.#unitCount += 1;
      this.sink.addUnit(unit);
    };

    const listNumbers = this.#listNumbers;
    if (block.kind !== 'list-item') listNumbers.length = 0;
    switch (block.kind) {
      case 'paragraph':
        splitSentences(block.text).forEach((sentence, index) =>
          add(sentence.text, index === 0 ? blockSeparator : sentence.afterLineBreak ? '\n' : ' '),
        );
        break;
      case 'list-item': {
        listNumbers.length = block.depth + 1;
        const previous = listNumbers[block.depth];
        const count = previous?.ordered === block.ordered ? previous.count + 1 : 1;
        listNumbers[block.depth] = { ordered: block.ordered, count };
        const marker = block.ordered ? `${count}.` : '-';
        add(`${'  '.repeat(block.depth)}${marker} ${block.text}`, this.#previousKind === 'list-item' ? '\n' : blockSeparator);
        break;
      }
      case 'table': {
        const lines = block.rows.length > 0 ? block.rows.map((row) => tableRowText(block.header, row)) : [block.header.join(' | ')];
        lines.forEach((line, index) => add(line, index === 0 ? blockSeparator : '\n'));
        break;
      }
      case 'code':
        block.text.split('\n').forEach((line, index) => add(line, index === 0 ? blockSeparator : '\n'));
        break;
      case 'sheet-summary':
        block.text.split('\n\n').forEach((part, partIndex) =>
          part.split('\n').forEach((line, index) => add(line, index > 0 ? '\n' : partIndex > 0 ? '\n\n' : blockSeparator)),
        );
        break;
      case 'sheet-row':
        add(block.text, '\n', block.location.row);
        break;
    }
    this.#previousKind = block.kind;
  }
}

/** Splits a document's blocks into sections of chunk units, in reading order. */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  const splitter = new SectionSplitter({
    startSection: (header) => sections.push({ ...header, units: [] }),
    addUnit: (unit) => sections.at(-1)?.units.push(unit),
  });
  for (const block of blocks) splitter.push(block);
  return sections.filter((section) => section.units.length > 0);
}

/** Whether two blocks have the same heading path (both none, or the same headings). */
function samePath(first: readonly string[] | undefined, second: readonly string[] | undefined): boolean {
  if (first === second) return true;
  if (first === undefined || second === undefined || first.length !== second.length) return false;
  return first.every((heading, index) => heading === second[index]);
}

/** A table row that stands alone: `Header: value` pairs, or cells separated by bars when there is no header. */
function tableRowText(header: readonly string[], row: readonly string[]): string {
  if (header.length === 0) return row.join(' | ');
  return row
    .map((cell, index) => (cell === '' ? '' : `${header[index] || `Column ${index + 1}`}: ${cell}`))
    .filter((pair) => pair !== '')
    .join('; ');
}
