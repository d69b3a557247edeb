import { DocumentBuilder } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';

/** Deeper values are kept as compact JSON rather than flattened further. */
const maximumFlattenDepth = 32;

/**
 * Reads JSON as `path.to.key: value` lines, one section per top-level item (each key of an
 * object, each element of an array), so a record and its fields are retrieved together and a
 * chunk never mixes two records.
 */
export function extractJson(text: string): ExtractedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new IngestError('corrupt', `The JSON is malformed: ${(error as Error).message}`, { cause: error });
  }
  const builder = new DocumentBuilder();
  const topLevel: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [`[${index}]`, item])
    : isRecord(value)
      ? Object.entries(value)
      : [['value', value]];
  for (const [path, item] of topLevel) addJsonItem(builder, path, item);
  return { type: 'json', blocks: builder.blocks };
}

/** One top-level item as its own section: a heading with its path, then its `path: value` lines. */
export function addJsonItem(builder: DocumentBuilder, path: string, item: unknown): void {
  builder.heading(1, path);
  const lines: string[] = [];
  flatten(item, path, 0, lines);
  builder.paragraph(lines.join('\n'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, path: string, depth: number, lines: string[]): void {
  if (depth < maximumFlattenDepth && Array.isArray(value) && value.length > 0) {
    value.forEach((item, index) => flatten(item, `${path}[${index}]`, depth + 1, lines));
  } else if (depth < maximumFlattenDepth && isRecord(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) {
      flatten(item, /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, depth + 1, lines);
    }
  } else {
    lines.push(`${path}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
}
