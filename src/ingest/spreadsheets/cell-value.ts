import type { CellValue } from './sheet-table.js';

/** Numbers as people write them: integers exactly, fractions without binary noise (0.1 + 0.2 → 0.3). */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

/** ISO 8601: a date alone when the time is midnight UTC (how Excel stores plain dates), else to the second. */
export function formatDate(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

export function formatCellValue(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

const plainNumber = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const groupedNumber = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Types a CSV field: plain and comma-grouped numbers, ISO dates and true/false become values;
 * everything else stays text. Locale-specific forms (1.234,5 or 31/12/2023) stay text because
 * they cannot be read without guessing the locale.
 */
export function inferCellValue(text: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (plainNumber.test(trimmed)) return Number(trimmed);
  if (groupedNumber.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  if (isoDate.test(trimmed)) {
    // Times without a zone are read as UTC so the result never depends on the server's zone.
    const withTime = trimmed.length === 10 ? `${trimmed}T00:00:00` : trimmed.replace(' ', 'T');
    const date = new Date(/(?:Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  const lower = trimmed.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  return trimmed;
}
