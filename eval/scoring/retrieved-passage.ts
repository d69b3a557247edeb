/** Where a passage sits in its document, as the search route reports it (the chunk's location). */
export interface PassageLocation {
  page?: number;
  /** Last page, when the passage runs across a page break. */
  pageEnd?: number;
  headingPath?: string[];
  sheet?: string;
  row?: number;
  /** Last row, when several rows share a passage. */
  rowEnd?: number;
}

/** One search result, reduced to what scoring and answering need. */
export interface RetrievedPassage {
  /** The uploaded file's name (its name in `eval/documents/`), or undefined when the source is not a known upload. */
  document: string | undefined;
  title: string;
  text: string;
  location: PassageLocation;
}
