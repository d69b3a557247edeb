/** A fixed locale keeps sentence boundaries the same on every host, whatever its default locale. */
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export interface Sentence {
  text: string;
  /** Whether a line break separated it from the previous sentence in the source. */
  afterLineBreak: boolean;
}

/**
 * Splits prose into sentences with ICU's rules, which also break at every line end. A break
 * before a lowercase letter is undone, keeping any line break inside the sentence: ICU breaks
 * after abbreviations such as "e.g." and at hard-wrapped line ends, which would strand tails.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let afterLineBreak = false;
  for (const { segment } of sentenceSegmenter.segment(text)) {
    const trimmed = segment.trim();
    const previous = sentences.at(-1);
    if (trimmed !== '') {
      if (previous && /^\p{Ll}/u.test(trimmed)) previous.text += `${afterLineBreak ? '\n' : ' '}${trimmed}`;
      else sentences.push({ text: trimmed, afterLineBreak: afterLineBreak && previous !== undefined });
    }
    if (/\n\s*$/.test(segment)) afterLineBreak = true;
    else if (trimmed !== '') afterLineBreak = false;
  }
  return sentences;
}
