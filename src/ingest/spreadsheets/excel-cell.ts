import type { CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue } from './sheet-table.js';

/**
 * Reduces an exceljs cell value to a plain value: formulas to their cached result (the number
 * Excel last showed), rich text and hyperlinks to their text, errors to their code (`#DIV/0!`).
 * A formula without a cached result (a file written by a tool that never calculated it) is empty.
 */
export function plainExcelValue(value: ExcelCellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) return plainExcelValue(value.result ?? null);
  if ('richText' in value) return plainExcelValue(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return plainExcelValue(text);
    if (text !== null && typeof text === 'object' && 'richText' in text) return plainExcelValue(text as ExcelCellValue);
    return value.hyperlink;
  }
  if ('error' in value) return value.error;
  return null;
}
