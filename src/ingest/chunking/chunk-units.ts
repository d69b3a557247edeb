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

/** Splits a document's blocks into sections of chunk units, in reading order. */
export function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let currentPath: string[] | undefined;
  let currentSheet: string | undefined;
  let previousKind: Block['kind'] | undefined;
  // Running numbers of ordered list items per depth; a list of the other kind restarts them.
  const listNumbers: { ordered: boolean; count: number }[] = [];

  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'page-break') continue;
    const packing = block.kind === 'sheet-row' ? 'rows' : 'prose';
    const { headingPath, sheet, page } = block.location;
    const sameSection = current !== undefined && packing === current.packing && sheet === currentSheet && samePath(headingPath, currentPath);
    currentPath = headingPath;
    currentSheet = sheet;
    if (!current || !sameSection) {
      current = { packing, ...(headingPath ? { headingPath } : {}), ...(sheet !== undefined ? { sheet } : {}), units: [] };
      sections.push(current);
      previousKind = undefined;
    }
    const blockSeparator = previousKind === undefined ? '' : '\n\n';
    const units = current.units;
    const add = (text: string, separator: string, row?: number): void => {
      // Built field by field rather than by spreading: this runs for every sentence.
      const unit: ChunkUnit = { text, separator: units.length === 0 ? '' : separator };
      if (page !== undefined) unit.page = page;
      if (row !== undefined) unit.row = row;
      units.push(unit);
    };

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
        add(`${'  '.repeat(block.depth)}${marker} ${block.text}`, previousKind === 'list-item' ? '\n' : blockSeparator);
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
    previousKind = block.kind;
  }
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
