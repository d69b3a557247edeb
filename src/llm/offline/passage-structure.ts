import { splitSentences } from './sentences.js';

/**
 * What a line or sentence of a passage is. Only `sentence`, `field` and `row` can be quoted as
 * an answer; headings, questions and lead-ins ("You will need:") say what the text below them is
 * about, and `meta` and `table-header` lines (a sheet's column profile, a table's header row)
 * state nothing at all.
 */
export type UnitKind = 'sentence' | 'field' | 'row' | 'heading' | 'question' | 'lead-in' | 'meta' | 'table-header';

/** One cell of a table or spreadsheet row. `column` is empty when the table has no header. */
export interface TableCell {
  column: string;
  value: string;
}

/** A heading, question or lead-in above a unit, and how closely it ties to the unit (0..1). */
export interface ContextLine {
  text: string;
  strength: number;
}

export interface PassageUnit {
  kind: UnitKind;
  text: string;
  /** Outermost first. */
  context: ContextLine[];
  cells?: TableCell[];
}

export const quotableKinds: ReadonlySet<UnitKind> = new Set(['sentence', 'field', 'row']);

/** Outer headings of a path only say which document or chapter a passage is in. */
const outerHeadingStrength = 0.4;
/** The innermost heading names the passage's topic. */
const innerHeadingStrength = 0.6;
/** A question heading ("How long does delivery take?") is asked by the text below it. */
const questionHeadingStrength = 0.8;
/** A heading has at most this many words; a longer line is text. */
const maximumHeadingWords = 14;

const headingPathSeparator = /\s+>\s+/;
const listMarker = /^\s*(?:([-*•])|(\d+)[.)])\s+/;
const markdownHeading = /^\s*#{1,6}\s+/;
const tableSeparator = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** Docent's spreadsheet profile lines: `Info: sheet "…"`, `Head:`, `- Revenue (number): 15 non-empty, …`. */
const metaLines: readonly RegExp[] = [/^Info: sheet "/, /^Head:$/, /^(?:-\s*)?.+ \((?:number|date|boolean|text|empty)\): \d+ non-empty\b/];

/**
 * Reads a passage's structure: the heading path the chunker puts on its first line ("Annual
 * Report 2024 > Chief Executive's review"), headings, questions and lead-ins inside it, table
 * and spreadsheet rows (`Year: 2023; Region: EMEA; Revenue: 1234000` or bar-separated cells),
 * and the sentences of its prose. Each unit carries the headings above it as context: words in
 * a heading tell what the text is about, but a heading is never itself an answer.
 */
export function readPassage(text: string): PassageUnit[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const units: PassageUnit[] = [];
  const path: ContextLine[] = [];
  let index = lines.findIndex((line) => line !== '');
  if (index < 0) return units;

  const first = lines[index] ?? '';
  if (isLeadingHeading(first, lines, index)) {
    const segments = first.split(headingPathSeparator).map((segment) => segment.trim()).filter(Boolean);
    segments.forEach((segment, position) => {
      const innermost = position === segments.length - 1;
      const strength = !innermost ? outerHeadingStrength : segment.endsWith('?') ? questionHeadingStrength : innerHeadingStrength;
      path.push({ text: segment, strength });
    });
    units.push({ kind: 'heading', text: first, context: [] });
    index += 1;
  }

  let heading: ContextLine | undefined;
  let leadIn: ContextLine | undefined;
  let tableHeader: string[] | undefined;
  let previousBlank = true;
  const context = (): ContextLine[] => [...path, ...(heading ? [heading] : []), ...(leadIn ? [leadIn] : [])];

  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') {
      previousBlank = true;
      tableHeader = undefined;
      continue;
    }
    const nextLine = lines[index + 1];
    const nextIsBlank = nextLine === undefined || nextLine === '';
    const hasMore = lines.slice(index + 1).some((candidate) => candidate !== '');

    if (metaLines.some((pattern) => pattern.test(line))) {
      units.push({ kind: 'meta', text: line, context: context() });
    } else if (isBarRow(line)) {
      if (tableSeparator.test(line)) continue;
      const cells = barCells(line);
      if (!tableHeader && startsTable(cells, nextLine)) {
        tableHeader = cells;
        units.push({ kind: 'table-header', text: line, context: context() });
      } else {
        const header = tableHeader;
        const rowCells = cells.map((value, position) => ({ column: header?.[position] ?? '', value })).filter((cell) => cell.value !== '');
        units.push({ kind: 'row', text: line, context: context(), cells: rowCells });
      }
    } else {
      const marker = listMarker.exec(line);
      const isBullet = Boolean(marker?.[1]);
      const body = line.replace(markdownHeading, '').replace(listMarker, '').trim();
      const isMarkdownHeading = markdownHeading.test(line);
      const keyValueCells = keyValueRow(body);
      if (
        isMarkdownHeading ||
        (!isBullet && hasMore && isHeadingLike(body) && !body.endsWith('?') && (isAllCaps(body) || (!marker && previousBlank && nextIsBlank)))
      ) {
        heading = { text: body, strength: innerHeadingStrength };
        leadIn = undefined;
        units.push({ kind: 'heading', text: body, context: path.slice() });
      } else if (keyValueCells) {
        units.push({ kind: 'row', text: body, context: context(), cells: keyValueCells });
      } else if (body.endsWith(':') && wordCount(body) <= 20) {
        leadIn = { text: body.slice(0, -1), strength: innerHeadingStrength };
        units.push({ kind: 'lead-in', text: body, context: context() });
      } else {
        // A lead-in introduces the list right below it, not the prose after that list.
        if (!marker && leadIn && units.at(-1)?.kind !== 'lead-in') leadIn = undefined;
        for (const sentence of splitSentences(body)) {
          if (sentence.endsWith('?')) {
            units.push({ kind: 'question', text: sentence, context: context() });
            heading = { text: sentence, strength: questionHeadingStrength };
          } else {
            units.push({ kind: isField(sentence) ? 'field' : 'sentence', text: sentence, context: context() });
          }
        }
      }
    }
    previousBlank = false;
  }
  return units;
}

/** The chunker's heading path, or a bare title standing alone above the text. */
function isLeadingHeading(line: string, lines: readonly string[], index: number): boolean {
  const hasMore = lines.slice(index + 1).some((candidate) => candidate !== '');
  if (!hasMore || isBarRow(line) || keyValueRow(line)) return false;
  if (headingPathSeparator.test(line)) return !/[.!;,:]$/.test(line) && line.split(headingPathSeparator).every((segment) => wordCount(segment) <= maximumHeadingWords);
  return lines[index + 1] === '' && isHeadingLike(line) && !line.endsWith('?');
}

/** Short, with no sentence punctuation at the end and no "label: value" inside. */
function isHeadingLike(line: string): boolean {
  return /\p{L}/u.test(line) && wordCount(line) <= maximumHeadingWords && !/[.!;,:]$/.test(line) && !/:\s/.test(line);
}

function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function isBarRow(line: string): boolean {
  return /\S\s*\|\s*\S/.test(line) || /^\|.*\|$/.test(line);
}

function barCells(line: string): string[] {
  return line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/** A bar-separated line is a header when a separator line follows it, or when it has no figures and the row below does. */
function startsTable(cells: readonly string[], nextLine: string | undefined): boolean {
  if (nextLine === undefined) return false;
  if (tableSeparator.test(nextLine)) return true;
  return isBarRow(nextLine) && !cells.some((cell) => /\d/.test(cell)) && /\d/.test(nextLine);
}

/** "Year: 2023; Region: EMEA; Revenue: 1234000": at least two "column: value" pairs. */
function keyValueRow(line: string): TableCell[] | undefined {
  const parts = line.split(/;\s+/);
  if (parts.length < 2) return undefined;
  const cells: TableCell[] = [];
  for (const part of parts) {
    const pair = /^([^:;]{1,80}?):\s+(.+)$/.exec(part.trim());
    if (!pair?.[1] || !pair[2]) return undefined;
    cells.push({ column: pair[1].trim(), value: pair[2].trim().replace(/[.;]$/, '') });
  }
  return cells;
}

/** "Date: 3 February 2025": one short label and its value. */
function isField(sentence: string): boolean {
  return /^[\p{Lu}][^:]{0,40}:\s+\S/u.test(sentence) && wordCount(sentence.split(':')[0] ?? '') <= 5;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
