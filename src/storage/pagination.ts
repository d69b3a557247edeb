/** A page request as the native API takes it: 1-based `page`, `limit` items per page. */
export interface PageRequest {
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.limit;
}

/** A LIKE pattern matching `text` anywhere, its own wildcards escaped (use with ESCAPE '\\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
