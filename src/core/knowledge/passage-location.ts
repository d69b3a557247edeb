import type { ChunkLocation } from '../../ingest/chunker.js';

/**
 * A citation's "where", in words: `page 3`, `pages 3–4`, `sheet "Revenue", rows 5–7`,
 * `Annual report > Risks`. Undefined when the chunk has no location (a short text item).
 */
export function describeLocation(location: ChunkLocation): string | undefined {
  const parts: string[] = [];
  if (location.sheet !== undefined) {
    const rows = location.row === undefined ? '' : location.rowEnd ? `, rows ${location.row}–${location.rowEnd}` : `, row ${location.row}`;
    parts.push(`sheet "${location.sheet}"${rows}`);
  }
  if (location.page !== undefined) {
    parts.push(location.pageEnd ? `pages ${location.page}–${location.pageEnd}` : `page ${location.page}`);
  }
  if (location.headingPath && location.headingPath.length > 0 && location.sheet === undefined) {
    parts.push(location.headingPath.join(' > '));
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}
