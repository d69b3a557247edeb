/**
 * A light English stemmer: folds plurals, -ing, -ed, -ly, -ment and -ation onto a shared stem
 * so "refunds", "refunded" and "refunding" meet, and "shipping" meets "ship". It is
 * deliberately weaker than Porter's: over-stemming merges unrelated words, which for an
 * extractive responder means confidently quoting the wrong sentence.
 */
export function stem(word: string): string {
  const irregular = irregularForms.get(word);
  if (irregular) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stemmed = word;
  if (stemmed.endsWith('ies') && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith('sses')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.endsWith('s') && !/(ss|us|is)$/.test(stemmed)) stemmed = stemmed.slice(0, -1);

  stemmed = stripSuffix(stemmed, 'ations', 4) ?? stripSuffix(stemmed, 'ation', 4)
    ?? stripSuffix(stemmed, 'ment', 3) ?? stripSuffix(stemmed, 'ing', 3)
    ?? stripSuffix(stemmed, 'ied', 3, 'y') ?? stripSuffix(stemmed, 'ed', 3)
    ?? stripSuffix(stemmed, 'ly', 4) ?? stemmed;

  if (stemmed.length > 3 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

function stripSuffix(word: string, suffix: string, minimumStemLength: number, replacement = ''): string | undefined {
  if (!word.endsWith(suffix)) return undefined;
  const base = word.slice(0, -suffix.length);
  if (base.length < minimumStemLength || !/[aeiouy]/.test(base)) return undefined;
  return undoubleFinalConsonant(base) + replacement;
}

/** "shipp" → "ship", "cancell" → "cancel"; "ss" and "ll" words like "pass" keep theirs. */
function undoubleFinalConsonant(base: string): string {
  const last = base.at(-1);
  if (base.length > 3 && last === base.at(-2) && last !== undefined && /[bdgkmnprt]/.test(last)) return base.slice(0, -1);
  if (base.length > 5 && base.endsWith('ll')) return base.slice(0, -1);
  return base;
}

/** Irregular verb forms, onto the stem of their base form ("paid" meets "pay" and "payment"). */
const irregularForms: ReadonlyMap<string, string> = new Map(
  Object.entries({
    paid: 'pay', bought: 'buy', sold: 'sell', sent: 'send', spent: 'spend', kept: 'keep', held: 'hold',
    took: 'take', taken: 'take', gave: 'give', given: 'give', made: 'mak', met: 'meet', built: 'build',
    ran: 'run', won: 'win', grew: 'grow', grown: 'grow', fell: 'fall', fallen: 'fall', rose: 'ris',
    risen: 'ris', chose: 'choos', chosen: 'choos', began: 'begin', begun: 'begin', wrote: 'writ',
    written: 'writ', drove: 'driv', driven: 'driv', brought: 'bring', thought: 'think', taught: 'teach',
    caught: 'catch', lost: 'los', paying: 'pay', told: 'tell', sought: 'seek', broke: 'break', broken: 'break',
    ate: 'eat', eaten: 'eat', flew: 'fly', flown: 'fly', went: 'go', gone: 'go', did: 'do', done: 'do',
    stood: 'stand', understood: 'understand', led: 'lead', fed: 'feed', felt: 'feel', dealt: 'deal',
    meant: 'mean', shut: 'shut', cut: 'cut', set: 'set', hit: 'hit', let: 'let',
  }),
);
