import { formatNumber } from './cell-value.js';
import type { ColumnSummary, SheetSummary } from './sheet-summary.js';

/**
 * Renders a sheet profile as the `Info: ...\n\nHead: ...` text the data-excel upload returns
 * (seed 003, #44) and that is indexed so questions about the sheet as a whole can be answered.
 */
export function renderSheetSummary(summary: Omit<SheetSummary, 'text'>): string {
  const info = [
    `Info: sheet "${summary.sheet}", ${summary.rowCount} rows × ${summary.columns.length} columns`,
    ...summary.columns.map(describeColumn),
  ];
  const header = summary.columns.map((column) => column.name);
  const head = [header.join(' | '), ...summary.head.map((row) => row.join(' | '))];
  return `${info.join('\n')}\n\nHead:\n${head.join('\n')}`;
}

function describeColumn(column: ColumnSummary): string {
  let line = `- ${column.name} (${column.type}): ${column.nonEmptyCount} non-empty, ${column.distinctCount} distinct`;
  const statistics = column.statistics;
  if (statistics) {
    const figures = [
      `min ${formatNumber(statistics.minimum)}`,
      `max ${formatNumber(statistics.maximum)}`,
      `mean ${formatNumber(roundForDisplay(statistics.mean))}`,
      `sum ${formatNumber(statistics.sum)}`,
    ];
    line += `; ${figures.join(', ')}`;
  }
  if (column.earliest && column.latest) line += `; from ${column.earliest} to ${column.latest}`;
  return line;
}

/** Two decimals for ordinary magnitudes, six significant digits for small fractions. */
function roundForDisplay(value: number): number {
  return Math.abs(value) >= 1 ? Number(value.toFixed(2)) : Number(value.toPrecision(6));
}
