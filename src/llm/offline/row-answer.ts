import type { TableCell } from './passage-structure.js';
import { bestMatch, contentTerms } from './text-analysis.js';

/** A column name or value must match a question term this well to count as named or asked. */
const minimumCellMatch = 0.7;
const year = /^(?:1[89]|2\d)\d\d$/;

/**
 * Says a table row as an answer, from its own cells only. When the question names values of the
 * row ("EMEA", "2023") and asks for a column ("revenue"): "Revenue for EMEA in 2023 was 22.4".
 * A two-cell row whose first cell the question names reads "Depth rating: 200 m". Otherwise the
 * row is quoted as it stands.
 */
export function rowAnswer(cells: readonly TableCell[], questionTerms: readonly string[], fallback: string): string {
  const { named, asked } = readRow(cells, questionTerms);

  if (named.length > 0 && asked.length > 0) {
    // Text cells the question does not name still say which row this is ("for EMEA").
    const identifying = cells.filter((cell) => !named.includes(cell) && !asked.includes(cell) && isTextCell(cell));
    const subject = subjectPhrase([...identifying.slice(0, 1), ...named]);
    const verb = named.some((cell) => year.test(cell.value)) ? 'was' : 'is';
    if (asked.length === 1) {
      const [cell] = asked as [TableCell];
      return `${cell.column} ${subject} ${verb} ${cell.value}.`;
    }
    return `${capitalise(subject)}, ${asked.map((cell) => `${cell.column} ${verb} ${cell.value}`).join(', ')}.`;
  }
  if (cells.length === 2 && named.length === 1 && named[0] === cells[0]) {
    const [first, second] = cells as [TableCell, TableCell];
    return `${first.value}: ${second.value}`;
  }
  return fallback;
}

/** The cells whose values a question names, and those whose columns it asks for. */
export function readRow(cells: readonly TableCell[], questionTerms: readonly string[]): { named: TableCell[]; asked: TableCell[] } {
  const question = new Set(questionTerms);
  const matches = (text: string): boolean => contentTerms(text).some((term) => bestMatch(term, question) >= minimumCellMatch);
  const named = cells.filter((cell) => matches(cell.value));
  const asked = cells.filter((cell) => !named.includes(cell) && cell.column !== '' && matches(cell.column));
  return { named, asked };
}

/**
 * A row answers a question that asks for one of its columns ("revenue"), or names the key of a
 * two-cell row ("depth rating" in "Property: Depth rating; Value: 200 m"), or names the row and
 * otherwise uses only words no source knows. A row that only shares the thing asked about ("the
 * gateway's operating temperature" and the gateway's price row) does not.
 */
export function rowAnswersQuestion(cells: readonly TableCell[], questionTerms: readonly string[], unusedTerms: ReadonlySet<string>): boolean {
  const { named, asked } = readRow(cells, questionTerms);
  if (asked.length > 0) return true;
  if (cells.length === 2 && named.length === 1 && named[0] === cells[0]) return true;
  // "How much did EMEA bring in during 2023?": the row is named and the rest of the question
  // is wording no source uses, so it asks for no column the documents know under another name.
  const rowTerms = new Set(cells.flatMap((cell) => contentTerms(`${cell.column} ${cell.value}`)));
  return named.length > 0 && questionTerms.every((term) => bestMatch(term, rowTerms) >= minimumCellMatch || unusedTerms.has(term));
}

/** "for EMEA in 2023", "in 2024", "for TW-S4": years read "in", other values "for". */
function subjectPhrase(named: readonly TableCell[]): string {
  const others = named.filter((cell) => !year.test(cell.value)).map((cell) => cell.value);
  const years = named.filter((cell) => year.test(cell.value)).map((cell) => cell.value);
  return [...(others.length > 0 ? [`for ${others.join(', ')}`] : []), ...(years.length > 0 ? [`in ${years.join(', ')}`] : [])].join(' ');
}

/** A cell naming something (a region, a product) rather than holding a figure. */
export function isTextCell(cell: TableCell): boolean {
  return /\p{L}/u.test(cell.value) && !/^[\d\s.,%£$€-]+$/u.test(cell.value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
