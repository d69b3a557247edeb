/**
 * Reduces Markdown inline syntax to the text a reader sees: link and image text without their
 * targets, emphasis and code spans without their markers, backslash escapes resolved. Each
 * rewrite needs its marker character, so one absent from the text skips the rewrite: most prose
 * has none of them, and this runs on every paragraph.
 */
export function stripInlineMarkdown(text: string): string {
  let stripped = text;
  if (stripped.includes('[')) {
    stripped = stripped
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');
  }
  if (stripped.includes('<')) stripped = stripped.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
  if (stripped.includes('`')) stripped = stripped.replace(/`([^`]+)`/g, '$1');
  if (stripped.includes('*') || stripped.includes('_')) {
    stripped = stripped
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3');
  }
  if (stripped.includes('~')) stripped = stripped.replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  if (stripped.includes('\\')) stripped = stripped.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
  return stripped;
}

/** Splits a GFM table row into trimmed cells, honouring escaped pipes. */
export function splitTableRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => stripInlineMarkdown(cell.trim().replace(/\\\|/g, '|')));
}

/** A GFM delimiter row such as `| --- | :---: |`. */
export function isTableDelimiterRow(line: string): boolean {
  return /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(line) && line.includes('-') && /\||-{3,}/.test(line);
}
