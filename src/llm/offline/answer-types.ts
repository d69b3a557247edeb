import type { AnswerType } from './question-analysis.js';
import { contentTerms } from './text-analysis.js';

const countingWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|' +
  'nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen';
/** Words after which a counting word is a pronoun ("the two differ", "one of them"), not a count. */
const notCounted = 'of|who|which|that|are|is|were|was|have|has|had|differ|do|does|did|can|could|will|would|may|might|must|should|and|or|another|other|else';
const quantityWords = 'zero|half|quarter|twice|double|triple|once|none|free|unlimited|percent';
const quantityPatterns: readonly RegExp[] = [
  /\d/,
  /[£$€¥%]/,
  new RegExp(`\\b(?:${countingWords})(?:-|\\s+(?!(?:${notCounted})\\b)(?=\\p{L}))`, 'iu'),
  new RegExp(`\\b(?:${quantityWords})\\b`, 'i'),
  /\bno (?:\w+ )?(?:charge|cost|fee|limit)\b/i,
  /\b(?:a|an|per|each|every|next|same)\s+(?:working |business |calendar )?(?:second|minute|hour|day|week|fortnight|month|quarter|year)s?\b/i,
];
const timePatterns: readonly RegExp[] = [
  ...quantityPatterns,
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend)s?\b/i,
  /\b(?:today|tomorrow|yesterday|tonight|daily|weekly|monthly|quarterly|annually|yearly|morning|afternoon|evening|night|noon|midnight)\b/i,
  /\b(?:immediately|instantly|anytime|any time|always|never|before|after|until|till|within|during|by the end|end of|start of|beginning of|soon|later|earlier|now)\b/i,
  /\b(?:spring|summer|autumn|winter)\b/i,
];
const units =
  'second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|season|mm|cm|m|km|metre|meter|inch|inches|foot|feet|ft|mile';
/** "How long": a span of time or a length, with its unit ("36 months", "two-year", "618 mm"). */
const durationPatterns: readonly RegExp[] = [
  new RegExp(`(?:\\d|\\b(?:${countingWords}|a|an|one|half|several|few))[\\s-]*(?:working |business |calendar |full |clear )?(?:${units})s?\\b`, 'i'),
  /\b(?:lifetime|permanent|permanently|indefinitely|overnight|forever)\b/i,
];
/** "How often": a rate of repetition ("every six months", "twice a year", "quarterly"). */
const frequencyPatterns: readonly RegExp[] = [
  /\b(?:every|each|per|once|twice|daily|weekly|fortnightly|monthly|quarterly|annually|yearly|hourly|always|never|continuously)\b/i,
  new RegExp(`\\b(?:a|an)\\s+(?:${units})\\b`, 'i'),
];
/** Two or more capitalised words in a row: "Fiona Baird", "Port Calder Maritime Hall". */
const properName = /\p{Lu}[\p{Ll}'’]+(?:[\s-]+(?:of |the |de |van |von )?\p{Lu}[\p{L}'’]+)+/u;
/** A capitalised word after the first: a place, person or organisation name. */
const laterName = /\s\p{Lu}[\p{L}'’-]+/u;

/**
 * Whether text holds the kind of answer asked for; a question with no particular kind is met by
 * any text. A name counts for "who" and "where" only when the question does not already say it
 * ("Who manages the Brannock account?" is not answered by "Brannock Harbour Trust").
 */
export function holdsAnswerType(text: string, answerType: AnswerType | undefined, questionTerms: ReadonlySet<string> = new Set()): boolean {
  const newName = (pattern: RegExp): boolean =>
    [...text.matchAll(new RegExp(pattern.source, 'gu'))].some((match) => contentTerms(match[0]).some((term) => !questionTerms.has(term)));
  switch (answerType) {
    case undefined:
      return true;
    case 'quantity':
      return quantityPatterns.some((pattern) => pattern.test(text));
    case 'duration':
      return durationPatterns.some((pattern) => pattern.test(text));
    case 'frequency':
      return frequencyPatterns.some((pattern) => pattern.test(text));
    case 'time':
      return timePatterns.some((pattern) => pattern.test(text));
    case 'person':
      return newName(properName);
    case 'place':
      return newName(laterName) || newName(properName);
  }
}

/** A sentence must hold a figure to answer "how many", a span to answer "how long", a date or span to answer "when". */
export function isStrictAnswerType(answerType: AnswerType | undefined): boolean {
  return answerType === 'quantity' || answerType === 'duration' || answerType === 'frequency' || answerType === 'time';
}
