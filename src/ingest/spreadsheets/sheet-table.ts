/** A typed cell value after formulas are resolved to their results. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetCell {
  value: CellValue;
  /** What the row text shows: the CSV text as written, or the formatted XLSX value. */
  text: string;
}

export interface SheetRow {
  /** 1-based row number as the spreadsheet application shows it. */
  rowNumber: number;
  cells: SheetCell[];
}

/** One sheet read into a header and data rows; the common form of XLSX sheets and CSV files. */
export interface SheetTable {
  name: string;
  /** Unique, non-empty column names (blank headers become `Column 3`, repeats `Revenue (2)`). */
  header: string[];
  rows: SheetRow[];
  /** Text above the header row, such as a sheet title. */
  preamble: string[];
}

export const emptyCell: SheetCell = { value: null, text: '' };

/** Makes header names usable as labels: blanks get their position, repeats a counter. */
export function uniqueHeader(names: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  const header: string[] = [];
  for (let index = 0; index < width; index += 1) {
    const base = names[index]?.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    header.push(count === 1 ? base : `${base} (${count})`);
  }
  return header;
}

/**
 * Finds the header among the first rows: the first row filled at least half as wide as the
 * widest of them, so a title line above the real header is not mistaken for it.
 */
export function findHeaderIndex(rows: readonly SheetCell[][]): number {
  const candidates = rows.slice(0, 10);
  const filled = candidates.map((cells) => cells.filter((cell) => cell.text !== '').length);
  const widest = Math.max(0, ...filled);
  const index = filled.findIndex((count) => count >= Math.ceil(widest / 2) && count > (widest > 1 ? 1 : 0));
  return Math.max(0, index);
}
