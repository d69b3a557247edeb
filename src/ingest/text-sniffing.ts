import Papa from 'papaparse';

/** The text formats recognised by content; `text` is what remains when nothing else matches. */
export type TextFormat = 'json' | 'html' | 'markdown' | 'csv' | 'text';

const htmlStart =
  /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|meta|title|link|article|main|section|div|p|h[1-6]|table|ul)\b/i;

/**
 * Names the text format of a decoded sample (the start of the file). `complete` says whether
 * the sample is the whole file, in which case JSON is confirmed by parsing it; for a longer file
 * only its opening is checked and a malformed remainder is reported by the JSON extractor.
 */
export function sniffTextFormat(sample: string, complete: boolean): TextFormat {
  const trimmed = sample.trimStart();
  if (looksLikeJson(trimmed, complete)) return 'json';
  if (htmlStart.test(trimmed) || /^<\?xml[^>]*>\s*(?:<!doctype\s+html|<html)\b/i.test(trimmed)) return 'html';
  if (looksLikeMarkdown(sample)) return 'markdown';
  if (looksLikeCsv(sample, complete)) return 'csv';
  return 'text';
}

function looksLikeJson(trimmed: string, complete: boolean): boolean {
  if (!/^[[{]/.test(trimmed)) return false;
  if (complete) {
    try {
      JSON.parse(trimmed);
      return true;
    } catch {
      return false;
    }
  }
  return /^(?:\{\s*(?:"|\})|\[\s*(?:[[{"\]\d-]|true|false|null))/.test(trimmed);
}

/**
 * Markdown needs a strong signal (an ATX heading, a code fence or a table delimiter row) or
 * two weaker ones (lists, links, emphasis), so prose with the odd dash stays plain text.
 */
function looksLikeMarkdown(sample: string): boolean {
  const lines = sample.split(/\r?\n/, 400);
  const strong = lines.some(
    (line) => /^#{1,6}\s+\S/.test(line) || /^(?:```|~~~)/.test(line) || /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line),
  );
  if (strong) return true;
  const weakSignals = [
    lines.some((line) => /^\s*(?:[-*+]|\d+\.)\s+\S/.test(line)),
    /\[[^\]\n]+\]\([^)\s]+\)/.test(sample),
    /(?:\*\*|__)[^*_\n]+(?:\*\*|__)/.test(sample),
    lines.some((line) => /^>\s/.test(line)),
  ];
  return weakSignals.filter(Boolean).length >= 2;
}

/**
 * CSV: records with the same number of fields (more than one), using the delimiter papaparse
 * guesses among comma, semicolon, tab and pipe. Two records must have three fields or more, so
 * a two-line note with a comma on each line stays prose.
 */
function looksLikeCsv(sample: string, complete: boolean): boolean {
  const text = complete ? sample : sample.slice(0, sample.lastIndexOf('\n') + 1);
  const parsed = Papa.parse<string[]>(text, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const rows = parsed.data;
  if (rows.length < 2) return false;
  const width = rows[0]?.length ?? 0;
  if (width < 2 || (rows.length === 2 && width < 3)) return false;
  const consistent = rows.filter((row) => row.length === width).length;
  return consistent / rows.length >= 0.9;
}
