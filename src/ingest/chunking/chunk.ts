/** Where a chunk comes from, for citations ("page 3", "sheet Revenue, rows 4–6"). */
export interface ChunkLocation {
  page?: number;
  /** Last page, when the chunk runs across a page break. */
  pageEnd?: number;
  headingPath?: string[];
  sheet?: string;
  row?: number;
  /** Last row, when several small rows share a chunk. */
  rowEnd?: number;
  url?: string;
}

/** A retrievable, citable piece of a document. */
export interface Chunk {
  /** Heading context line, a blank line, then the content. */
  text: string;
  /** Tokens in `text` (o200k encoding), never above the chunk size. */
  tokenCount: number;
  location: ChunkLocation;
  /** 0-based position in the document; stable across runs for the same input and options. */
  ordinal: number;
}

export interface ChunkOptions {
  /** Largest chunk, in tokens, including the heading context line. */
  chunkSize: number;
  /** Tokens of whole sentences, items or rows repeated from the end of the previous chunk of the same section. */
  chunkOverlap: number;
  /** Spreadsheet rows are grouped into one chunk until it reaches this many tokens (at most `chunkSize`). */
  rowGroupTokens: number;
}

export const defaultChunkOptions: ChunkOptions = { chunkSize: 512, chunkOverlap: 64, rowGroupTokens: 96 };
