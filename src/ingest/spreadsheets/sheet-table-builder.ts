import { findHeaderIndex, uniqueHeader, type SheetCell, type SheetRow, type SheetTable } from './sheet-table.js';

/** Splits a sheet's non-empty rows into a preamble, a header row and data rows. */
export function buildSheetTable(name: string, rows: readonly SheetRow[]): SheetTable {
  const headerIndex = findHeaderIndex(rows.map((row) => row.cells));
  const headerRow = rows[headerIndex];
  const dataRows = rows.slice(headerIndex + 1);
  const width = rows.slice(headerIndex).reduce((widest, row) => Math.max(widest, lastFilledIndex(row.cells) + 1), 0);
  const preamble = rows
    .slice(0, headerIndex)
    .map((row) => row.cells.map((cell) => cell.text).filter((text) => text !== '').join(' '));
  return {
    name,
    header: uniqueHeader(headerRow?.cells.map((cell) => cell.text) ?? [], width),
    rows: dataRows,
    preamble,
  };
}

function lastFilledIndex(cells: readonly SheetCell[]): number {
  for (let index = cells.length - 1; index >= 0; index -= 1) if (cells[index]?.text !== '') return index;
  return -1;
}
