/**
 * Splits text into sentences: at line breaks (lists, headings, table rows; list markers are
 * dropped) and after ., ! or ? followed by a capital, digit or opening quote. "e.g." and
 * "Dr." do not end a sentence.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, ''))
    .flatMap((line) => line.split(/(?<!\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|St|vs|approx)\.)(?<=[.!?])\s+(?=["'“(]?[\p{Lu}\p{N}])/u))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence.length > 0);
}
