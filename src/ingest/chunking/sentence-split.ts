import { asciiSentenceBreaks, isAscii } from './ascii-sentence-breaks.js';

/** A fixed locale keeps sentence boundaries the same on every host, whatever its default locale. */
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export interface Sentence {
  text: string;
  /** Whether a line break separated it from the previous sentence in the source. */
  afterLineBreak: boolean;
}

/**
 * Splits prose into sentences with Unicode's rules (ICU's segmenter, or for ASCII text the same
 * rules in JavaScript, which is several times faster), which also break at every line end. A
 * break before a lowercase letter is undone, keeping any line break inside the sentence: the
 * rules break after abbreviations such as "e.g." and at hard-wrapped line ends, which would
 * strand tails.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let afterLineBreak = false;
  const take = (segment: string): void => {
    const trimmedEnd = segment.trimEnd();
    const trimmed = trimmedEnd.trimStart();
    const previous = sentences.at(-1);
    if (trimmed !== '') {
      if (previous && /^\p{Ll}/u.test(trimmed)) previous.text += `${afterLineBreak ? '\n' : ' '}${trimmed}`;
      else sentences.push({ text: trimmed, afterLineBreak: afterLineBreak && previous !== undefined });
    }
    // A line break among the trailing whitespace (trimEnd removes exactly what `\s` matches).
    if (segment.includes('\n', trimmedEnd.length)) afterLineBreak = true;
    else if (trimmed !== '') afterLineBreak = false;
  };
  if (isAscii(text)) {
    let start = 0;
    for (const end of asciiSentenceBreaks(text)) {
      take(text.slice(start, end));
      start = end;
    }
  } else {
    for (const { segment } of sentenceSegmenter.segment(text)) take(segment);
  }
  return sentences;
}
