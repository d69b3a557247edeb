import { formatCellValue } from './cell-value.js';
import type { CellValue, SheetRow, SheetTable } from './sheet-table.js';

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
  const profiler = new SheetProfiler(table.name);
  for (const row of table.rows) profiler.add(row);
  return profiler.profile(table.header);
}

/**
 * {@link summarizeSheet} one data row at a time, for sheets read as a stream, before the header
 * is known in full: it keeps the first rows, and per column its type counts, distinct values and
 * running statistics.
 */
export class SheetProfiler {
  readonly #columns: ColumnProfiler[] = [];
  readonly #head: SheetRow[] = [];
  #rowCount = 0;

  constructor(private readonly sheet: string) {}

  add(row: SheetRow): void {
    this.#rowCount += 1;
    row.cells.forEach((cell, index) => {
      if (cell.value === null) return;
      while (this.#columns.length <= index) this.#columns.push(new ColumnProfiler());
      this.#columns[index]!.add(cell.value);
    });
    if (this.#head.length < summaryHeadRows) this.#head.push(row);
  }

  /** The profile under these column names; later columns, if any, hold no value by construction of the header. */
  profile(header: readonly string[]): Omit<SheetSummary, 'text'> {
    const columns = header.map((name, index) => (this.#columns[index] ?? new ColumnProfiler()).summary(name));
    const head = this.#head.map((row) => header.map((_name, index) => row.cells[index]?.text ?? ''));
    return { sheet: this.sheet, rowCount: this.#rowCount, columns, head };
  }
}

/** One column's profile, built value by value. */
class ColumnProfiler {
  #present = 0;
  readonly #typeCounts = new Map<Exclude<ColumnType, 'empty'>, number>();
  readonly #distinct = new Set<string>();
  readonly #numbers = new RunningStatistics();
  readonly #dates = new RunningStatistics();

  add(value: Exclude<CellValue, null>): void {
    this.#present += 1;
    const type = typeOf(value);
    this.#typeCounts.set(type, (this.#typeCounts.get(type) ?? 0) + 1);
    this.#distinct.add(`${type}:${formatCellValue(value)}`);
    if (typeof value === 'number' && Number.isFinite(value)) this.#numbers.add(value);
    if (value instanceof Date) this.#dates.add(value.getTime());
  }

  summary(name: string): ColumnSummary {
    const summary: ColumnSummary = { name, type: this.#dominantType(), nonEmptyCount: this.#present, distinctCount: this.#distinct.size };
    if (summary.type === 'number' && this.#numbers.count > 0) summary.statistics = this.#numbers.statistics();
    if (summary.type === 'date') {
      const times = this.#dates.statistics();
      summary.earliest = formatCellValue(new Date(times.minimum));
      summary.latest = formatCellValue(new Date(times.maximum));
    }
    return summary;
  }

  #dominantType(): ColumnType {
    if (this.#present === 0) return 'empty';
    for (const [type, count] of this.#typeCounts) if (count / this.#present >= dominantTypeShare) return type;
    return 'text';
  }
}

function typeOf(value: Exclude<CellValue, null>): Exclude<ColumnType, 'empty'> {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value instanceof Date) return 'date';
  return 'text';
}

/** Minimum, maximum and sum in the order the values come, as a loop over all of them computes them. */
class RunningStatistics {
  count = 0;
  #minimum = Infinity;
  #maximum = -Infinity;
  #sum = 0;

  add(value: number): void {
    this.count += 1;
    if (value < this.#minimum) this.#minimum = value;
    if (value > this.#maximum) this.#maximum = value;
    this.#sum += value;
  }

  statistics(): NumericStatistics {
    return { minimum: this.#minimum, maximum: this.#maximum, mean: this.#sum / this.count, sum: this.#sum };
  }
}
