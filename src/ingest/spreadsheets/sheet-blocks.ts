import type { Block } from '../extracted-document.js';
import { renderSheetSummary } from './sheet-summary-text.js';
import { summarizeSheet, type SheetSummary } from './sheet-summary.js';
import type { SheetTable } from './sheet-table.js';

/**
 * Turns a sheet into blocks: its summary first, then one block per data row whose text pairs
 * every non-empty cell with its column header (`Year: 2023; Revenue: 1234000; Region: EMEA`),
 * so a question about one row finds that row without the header row beside it.
 */
export function sheetToBlocks(table: SheetTable): { blocks: Block[]; summary: SheetSummary } {
  const profile = summarizeSheet(table);
  const summary: SheetSummary = { ...profile, text: renderSheetSummary(profile) };
  const blocks: Block[] = [{ kind: 'sheet-summary', text: summary.text, location: { sheet: table.name } }];
  if (table.preamble.length > 0) {
    blocks.push({ kind: 'paragraph', text: table.preamble.join('\n'), location: { sheet: table.name } });
  }
  for (const row of table.rows) {
    const cells = table.header
      .map((column, index) => ({ column, value: row.cells[index]?.text ?? '' }))
      .filter((cell) => cell.value !== '');
    if (cells.length === 0) continue;
    blocks.push({
      kind: 'sheet-row',
      text: cells.map((cell) => `${cell.column}: ${cell.value}`).join('; '),
      cells,
      location: { sheet: table.name, row: row.rowNumber },
    });
  }
  return { blocks, summary };
}
