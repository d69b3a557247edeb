import type { SheetSummary } from './spreadsheets/sheet-summary.js';

/** Where a block sits in its source, precise enough for a citation. */
export interface BlockLocation {
  /** 1-based PDF page. */
  page?: number;
  /** Enclosing headings, outermost first; a heading block's path ends with itself. */
  headingPath?: string[];
  /** Spreadsheet sheet name (`"Sheet1"` for a CSV file). */
  sheet?: string;
  /** 1-based spreadsheet row as the user sees it in Excel (the header is row 1 for a CSV). */
  row?: number;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 is the outermost level, as in `<h1>`. */
  level: number;
  text: string;
  location: BlockLocation;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  location: BlockLocation;
}

export interface ListItemBlock {
  kind: 'list-item';
  text: string;
  /** 0 for a top-level item, 1 for an item nested once, and so on. */
  depth: number;
  ordered: boolean;
  location: BlockLocation;
}

export interface TableBlock {
  kind: 'table';
  /** Column headers; empty when the table has none. */
  header: string[];
  rows: string[][];
  location: BlockLocation;
}

export interface CodeBlock {
  kind: 'code';
  text: string;
  language?: string;
  location: BlockLocation;
}

/** Marks the start of a new PDF page; content blocks also carry their page. */
export interface PageBreakBlock {
  kind: 'page-break';
  location: BlockLocation;
}

/** One spreadsheet row, rendered with its column headers so it can be found and cited alone. */
export interface SheetRowBlock {
  kind: 'sheet-row';
  /** `Header: value` pairs joined with `; `, empty cells left out. */
  text: string;
  cells: { column: string; value: string }[];
  location: BlockLocation;
}

/** A sheet's profile (columns, types, statistics, first rows) as searchable text. */
export interface SheetSummaryBlock {
  kind: 'sheet-summary';
  text: string;
  location: BlockLocation;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListItemBlock
  | TableBlock
  | CodeBlock
  | PageBreakBlock
  | SheetRowBlock
  | SheetSummaryBlock;

export type DocumentType = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' | 'markdown' | 'text' | 'json';

/** The structured text of one uploaded file, independent of its original format. */
export interface ExtractedDocument {
  type: DocumentType;
  title?: string;
  /** Page count of a PDF. */
  pageCount?: number;
  blocks: Block[];
  /** One summary per sheet, for spreadsheets and CSV files. */
  sheets?: SheetSummary[];
  /** Where the content came from, when it was fetched from the web; copied into chunk locations. */
  url?: string;
}
