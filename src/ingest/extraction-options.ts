import type { ArchiveLimits } from './archive-guard.js';

/** Limits that keep one hostile or enormous upload from exhausting the ingest worker. */
export interface ExtractionOptions {
  /** Largest accepted file, in bytes. */
  maximumBytes: number;
  /** Most pages read from a PDF; longer files are refused rather than silently cut. */
  maximumPages: number;
  /** Most data rows across all sheets of a spreadsheet or CSV file. */
  maximumRows: number;
  /** Wall-clock budget for parsing one file, in milliseconds. */
  timeoutMs: number;
  /** Checks applied to DOCX and XLSX containers before a parser opens them. */
  archive: ArchiveLimits;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maximumEntries: 2_000,
  maximumTotalUncompressedBytes: 256 * 1024 * 1024,
  maximumCompressionRatio: 100,
  compressionRatioExemptBytes: 1024 * 1024,
};

export const defaultExtractionOptions: ExtractionOptions = {
  maximumBytes: 50 * 1024 * 1024,
  maximumPages: 2_000,
  maximumRows: 200_000,
  timeoutMs: 120_000,
  archive: defaultArchiveLimits,
};

/** Fills in defaults for whatever the caller left out, including nested archive limits. */
export function resolveExtractionOptions(options: Partial<ExtractionOptions> = {}): ExtractionOptions {
  return {
    ...defaultExtractionOptions,
    ...options,
    archive: { ...defaultArchiveLimits, ...options.archive },
  };
}
