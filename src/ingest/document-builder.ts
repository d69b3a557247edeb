import type { Block, BlockLocation } from './extracted-document.js';

interface OpenHeading {
  level: number;
  text: string;
}

/**
 * Collects blocks in reading order while tracking the heading path and the current page, so
 * each extractor only reports what it sees and every block still gets a complete location.
 */
export class DocumentBuilder {
  readonly blocks: Block[] = [];
  #headings: OpenHeading[] = [];
  #page: number | undefined;

  /** Starts a PDF page; a page break is recorded before every page but the first. */
  startPage(page: number): void {
    if (this.#page !== undefined) this.blocks.push({ kind: 'page-break', location: { page } });
    this.#page = page;
  }

  heading(level: number, text: string): void {
    const cleaned = normalizeInlineText(text);
    if (cleaned === '') return;
    while (this.#headings.length > 0 && (this.#headings.at(-1)?.level ?? 0) >= level) this.#headings.pop();
    this.#headings.push({ level, text: cleaned });
    this.blocks.push({ kind: 'heading', level, text: cleaned, location: this.location() });
  }

  paragraph(text: string): void {
    const cleaned = text.trim();
    if (cleaned !== '') this.blocks.push({ kind: 'paragraph', text: cleaned, location: this.location() });
  }

  listItem(text: string, depth: number, ordered: boolean): void {
    const cleaned = normalizeInlineText(text);
    if (cleaned !== '') this.blocks.push({ kind: 'list-item', text: cleaned, depth, ordered, location: this.location() });
  }

  table(header: string[], rows: string[][]): void {
    const filledRows = rows.filter((row) => row.some((cell) => cell !== ''));
    if (filledRows.length === 0 && header.length === 0) return;
    this.blocks.push({ kind: 'table', header, rows: filledRows, location: this.location() });
  }

  code(text: string, language?: string): void {
    if (text.trim() === '') return;
    this.blocks.push({ kind: 'code', text, ...(language ? { language } : {}), location: this.location() });
  }

  /** Hands over the blocks collected so far and forgets them, for readers that stream. */
  take(): Block[] {
    return this.blocks.splice(0);
  }

  /** The location of the next block: current page and a copy of the open heading path. */
  location(): BlockLocation {
    const location: BlockLocation = {};
    if (this.#page !== undefined) location.page = this.#page;
    if (this.#headings.length > 0) location.headingPath = this.#headings.map((heading) => heading.text);
    return location;
  }
}

/**
 * Collapses runs of whitespace (including line breaks) to single spaces and trims. A lone space
 * is already what it would become, so only longer runs and other whitespace are matched: most
 * text has no match at all.
 */
export function normalizeInlineText(text: string): string {
  return text.replace(/\s\s+|[^\S ]/g, ' ').trim();
}
