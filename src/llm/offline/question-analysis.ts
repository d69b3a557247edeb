import { genericTerms, locationWords } from './generic-terms.js';
import { stem } from './stem.js';
import { stopwords } from './stopwords.js';
import { contentTerms } from './text-analysis.js';

/**
 * The kind of answer a question asks for. `quantity` and `time` are strict: a sentence without
 * a figure cannot say "how many", and one without a date or duration cannot say "when". `person`
 * and `place` only make sentences with names preferred.
 */
export type AnswerType = 'quantity' | 'duration' | 'frequency' | 'time' | 'person' | 'place';

export interface QuestionAnalysis {
  /** Content terms (stems), without the assistant's and organisation's names. */
  terms: string[];
  /**
   * Terms naming one particular thing: numbers, years, codes and capitalised names ("Singapore",
   * "S2", "2023"). An answer must be about that thing, not a neighbour of it.
   */
  specificTerms: ReadonlySet<string>;
  /**
   * The specific terms grouped into the names they form ("SondeLine S4" → ["sondelin", "s4"]);
   * a figure on its own is a name of its own.
   */
  namedPhrases: string[][];
  answerType?: AnswerType;
  /** "How long is the warranty, and what does the plan cost?": parts may be answered by different sentences. */
  multiPart: boolean;
  /**
   * What a quantity question measures ("price" in "what is the list price of…", "engineers" in
   * "how many engineers…"). The answer must state that measure, not just any figure near the
   * thing asked about.
   */
  focus: FocusTerm[];
}

export interface FocusTerm {
  term: string;
  /** Text that states the measure without naming it ("58%" for "proportion", "£600" for "price"). */
  statedBy?: RegExp;
}

const measureNouns =
  'percentage|percent|proportion|share|fraction|rate|number|amount|total|price|cost|fee|charge|salary|value|size|length|weight|' +
  'depth|height|width|capacity|duration|distance|speed|temperature|limit|figure|count|margin|budget|revenue|deposit|balance';
const howQuantity = /^how (?:many|much|far|big|large|old|heavy|tall|high|wide|deep)\b/;
const whatMeasure = new RegExp(`^(?:what|which)(?: is| was| are| were| will be| would be)?(?: the| a| an| your| our| its| their)?(?: [\\w-]+){0,3}? (${measureNouns})s?\\b`);
const timeQuestion = [/^when\b/, /^(?:what|which) (?:date|day|year|month|time)\b/, /^how (?:soon|quickly|fast)\b/];
const personQuestion = [/^(?:who|whom|whose)\b/];
const placeQuestion = [/^where\b/, /^(?:what|which) (?:address|location|city|town|country|place|building|region|county|state)\b/];
/** Where the question proper starts: its first question word ("…, by when does…" → "when does…"). */
const questionWord = /\b(?:when|where|who|whom|whose|what|which|how)\b/;
/** Measures a figure states by its form: a share by "%" or "percent", money by a currency sign. */
const shareOrRate = /%|\bper ?cent\b|\bpercentage\b|\bhalf\b|\bquarter\b|\bthird\b|\bmajority\b/i;
const money = /[£$€¥]|\b(?:usd|gbp|eur|dollars?|pounds?|euros?|pence|cents?)\b/i;
const perUnit = new RegExp(`${shareOrRate.source}|${money.source}|\\bper\\b|\\ba (?:day|week|month|year|night|hour|mile|kilometre|km)\\b`, 'i');
const statedByForm: ReadonlyMap<string, RegExp> = new Map([
  ...['percentage', 'percent', 'proportion', 'share', 'fraction', 'margin'].map((noun) => [noun, shareOrRate] as const),
  ['rate', perUnit],
  ...['price', 'cost', 'fee', 'charge', 'salary', 'budget', 'revenue', 'deposit', 'balance'].map((noun) => [noun, money] as const),
]);
/** Measures any figure states: "what is the number of…" asks only for a figure. */
const anyFigure = new Set(['number', 'amount', 'total', 'figure', 'count', 'value', 'limit']);
/** "What does the fee cover?" asks what a thing includes, not how much it is. */
const notAQuantity = /\b(?:cover|covers|include|includes|mean|means|apply|applies|depend|depends|involve|consist|based)\b/;
const secondClause = /(?:,|\band\b|\balso\b|\bas well as\b|\bplus\b)\s+(?:[\w'-]+\s+){0,3}?(?:what|when|where|who|whom|which|why|how|is|are|does|do|can|will|could|should)\b/;

export function analyseQuestion(question: string, nameTerms: ReadonlySet<string>): QuestionAnalysis {
  const terms = contentTerms(question).filter((term) => !nameTerms.has(term));
  const termSet = new Set(terms);
  const namedPhrases = namedTerms(question)
    .map((phrase) => phrase.filter((term) => termSet.has(term) && !nameTerms.has(term)))
    .filter((phrase) => phrase.length > 0);
  const specificTerms = new Set(namedPhrases.flat());
  const lower = question.toLowerCase().replace(/[’]/g, "'").replace(/'s\b/g, '');
  const asked = lower.slice(Math.max(0, lower.search(questionWord)));
  const answerType = answerTypeOf(asked);
  const multiPart = (question.match(/\?/g)?.length ?? 0) > 1 || secondClause.test(asked);
  const focus = answerType === 'quantity' && !multiPart ? focusOf(asked, termSet, specificTerms) : [];
  return { terms, specificTerms, namedPhrases, ...(answerType && { answerType }), multiPart, focus };
}

/** The measure a quantity question asks for: the noun after "how many", or a measure noun after "what". */
function focusOf(question: string, terms: ReadonlySet<string>, specificTerms: ReadonlySet<string>): FocusTerm[] {
  const counted = /^how many (.*)$/.exec(question)?.[1];
  if (counted !== undefined) {
    // "how many SondeLine S4 units": the counted thing, past the names that qualify it.
    const term = contentTerms(counted).find((candidate) => !specificTerms.has(candidate));
    return term && terms.has(term) ? [{ term }] : [];
  }
  const measured = whatMeasure.exec(question)?.[1] ?? /^how much\b.*\b(cost|price|fee|charge|salary)/.exec(question)?.[1];
  if (!measured || anyFigure.has(measured)) return [];
  const [term] = contentTerms(measured);
  if (!term || !terms.has(term)) return [];
  const statedBy = statedByForm.get(measured);
  return [{ term, ...(statedBy && { statedBy }) }];
}

/** The kind of answer asked for, read from the question proper (from its first question word). */
function answerTypeOf(question: string): AnswerType | undefined {
  if (/^how long\b/.test(question)) return 'duration';
  if (/^how (?:often|frequently)\b/.test(question)) return 'frequency';
  if (timeQuestion.some((pattern) => pattern.test(question))) return 'time';
  if ((howQuantity.test(question) || whatMeasure.test(question)) && !notAQuantity.test(question)) return 'quantity';
  if (personQuestion.some((pattern) => pattern.test(question))) return 'person';
  if (placeQuestion.some((pattern) => pattern.test(question))) return 'place';
  return undefined;
}

/**
 * Stems of the words that name something: with a digit ("2023", "S2"), capitalised inside the
 * sentence ("Singapore"), or all capitals ("EMEA"). Capitals say nothing in a question written
 * in title case or in capitals, so then only figures and codes count. "page 3" and "section 2"
 * point at a place in a document, not at a thing the answer must name.
 */
export function namedTerms(question: string): string[][] {
  const tokens: { word: string; initial: boolean; joined: boolean }[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
  const text = question.normalize('NFKD').replace(/\p{M}/gu, '');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const before = text.slice(0, match.index).trimEnd();
    const joined = before === '' || /[\p{L}\p{N}]$/u.test(text.slice(0, match.index).replace(/[\s-]+$/, '')) && /^[\s-]*$/.test(text.slice(before.length, match.index));
    tokens.push({ word: match[0].replace(/['’]/g, ''), initial: before === '' || /[.!?:;]$/.test(before), joined });
  }
  const lettered = tokens.filter(({ word }) => /\p{L}/u.test(word) && !/\d/.test(word));
  const capitalised = lettered.filter(({ word }) => /^\p{Lu}/u.test(word));
  const capitalsMeanNames = lettered.length > 0 && capitalised.length / lettered.length <= 0.6;

  const phrases: string[][] = [];
  let phrase: string[] | undefined;
  tokens.forEach(({ word, initial, joined }, index) => {
    const lower = word.toLowerCase();
    const previous = tokens[index - 1]?.word.toLowerCase();
    const isNumber = /^\d+$/.test(word);
    const isCode = /\d/.test(word) && !isNumber;
    const isAcronym = /^\p{Lu}{2,}$/u.test(word);
    const isName = capitalsMeanNames && !initial && /^\p{Lu}/u.test(word);
    const term = stem(lower);
    const named =
      !stopwords.has(lower) &&
      !locationWords.has(lower) &&
      !(isNumber && previous !== undefined && locationWords.has(previous)) &&
      (isNumber || isCode || ((isAcronym && capitalsMeanNames) || isName) && !genericTerms.has(term));
    if (!named) {
      phrase = undefined;
      return;
    }
    // A number stands alone; words and codes written together form one name ("SondeLine S4").
    if (isNumber) {
      phrases.push([term]);
      phrase = undefined;
    } else if (phrase && joined) {
      phrase.push(term);
    } else {
      phrase = [term];
      phrases.push(phrase);
    }
  });
  return phrases;
}
