import { formatCellValue } from './cell-value.js';
import type { CellValue, SheetTable } from './sheet-table.js';

export type ColumnType = 'number' | 'date' | 'boolean' | 'text' | 'empty';

export interface NumericStatistics {
  minimum: number;
  maximum: number;
  mean: number;
  sum: number;
}

export interface ColumnSummary {
  name: string;
  /** The type of at least 90% of the non-empty values; `text` for a mixed column. */
  type: ColumnType;
  nonEmptyCount: number;
  distinctCount: number;
  /** Over the numeric values of a `number` column. */
  statistics?: NumericStatistics;
  /** ISO dates bounding a `date` column. */
  earliest?: string;
  latest?: string;
}

/** A profile of one sheet, like a data frame's info() and head(): what an assistant needs to reason about the data. */
export interface SheetSummary {
  sheet: string;
  rowCount: number;
  columns: ColumnSummary[];
  /** The first data rows, as displayed text, in header order. */
  head: string[][];
  /** The same profile rendered as `Info: ...\n\nHead: ...` text. */
  text: string;
}

/** Rows shown in a summary's head. */
export const summaryHeadRows = 5;

/** Share of non-empty values that must agree for a column to get their type. */
const dominantTypeShare = 0.9;

/** Profiles a sheet: column types, counts, numeric statistics, date range and the first rows. */
export function summarizeSheet(table: SheetTable): Omit<SheetSummary, 'text'> {
  const columns = table.header.map((name, index) =>
    summarizeColumn(name, table.rows.map((row) => row.cells[index]?.value ?? null)),
  );
  const head = table.rows.slice(0, summaryHeadRows).map((row) => table.header.map((_name, index) => row.cells[index]?.text ?? ''));
  return { sheet: table.name, rowCount: table.rows.length, columns, head };
}

function typeOf(value: Exclude<CellValue, null>): Exclude<ColumnType, 'empty'> {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof Date) return 'date';
  return 'text';
}

function summarizeColumn(name: string, values: readonly CellValue[]): ColumnSummary {
  const present = values.filter((value): value is Exclude<CellValue, null> => value !== null);
  const distinct = new Set(present.map((value) => `${typeOf(value)}:${formatCellValue(value)}`));
  const summary: ColumnSummary = { name, type: dominantType(present), nonEmptyCount: present.length, distinctCount: distinct.size };
  if (summary.type === 'number') {
    const numbers = present.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    if (numbers.length > 0) summary.statistics = numericStatistics(numbers);
  }
  if (summary.type === 'date') {
    const dates = present.filter((value): value is Date => value instanceof Date);
    const times = numericStatistics(dates.map((date) => date.getTime()));
    summary.earliest = formatCellValue(new Date(times.minimum));
    summary.latest = formatCellValue(new Date(times.maximum));
  }
  return summary;
}

function dominantType(values: readonly Exclude<CellValue, null>[]): ColumnType {
  if (values.length === 0) return 'empty';
  const counts = new Map<ColumnType, number>();
  for (const value of values) counts.set(typeOf(value), (counts.get(typeOf(value)) ?? 0) + 1);
  for (const [type, count] of counts) if (count / values.length >= dominantTypeShare) return type;
  return 'text';
}

function numericStatistics(numbers: readonly number[]): NumericStatistics {
  let minimum = Infinity;
  let maximum = -Infinity;
  let sum = 0;
  for (const value of numbers) {
    if (value < minimum) minimum = value;
    if (value > maximum) maximum = value;
    sum += value;
  }
  return { minimum, maximum, mean: sum / numbers.length, sum };
}
