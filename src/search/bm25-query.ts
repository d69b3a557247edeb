import { retrievalStopwords } from './stopwords.js';

/** Most terms a full-text query ORs together; longer questions keep their first ones. */
export const maximumQueryTerms = 32;

/**
 * The search terms of a user's question for full-text search: lowercased letter/digit runs with
 * accents removed, split the way SQLite FTS5's `unicode61` tokenizer and PostgreSQL's parser
 * split text (so "don't" gives "don" and "t"), without stopwords unless the question has
 * nothing else, without duplicates. Nothing but letters and digits survives, which is what
 * makes the query builders below injection-proof: quotes, `*`, `^`, `:`, `-`, `+`, parentheses,
 * `NEAR(` and SQL quotes are separators, never syntax.
 */
export function fullTextQueryTerms(question: string): string[] {
  const words = question.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words)];
  const topical = unique.filter((word) => !retrievalStopwords.has(word) && word.length > 1);
  return (topical.length > 0 ? topical : unique).slice(0, maximumQueryTerms);
}

/**
 * A SQLite FTS5 `MATCH` expression that ranks passages containing any of the question's
 * terms: each term a quoted string, joined with OR, so `bm25()` orders by how many and how rare
 * the matched terms are. Quoting also keeps words such as "and", "or", "not" and "near" from
 * acting as operators. Undefined when the question has no searchable term; pass the result as
 * a bound parameter.
 */
export function toFts5MatchQuery(question: string): string | undefined {
  const terms = fullTextQueryTerms(question);
  return terms.length === 0 ? undefined : terms.map((term) => `"${term}"`).join(' OR ');
}

/**
 * A PostgreSQL `to_tsquery(config, $1)` input ORing the question's terms (`'revenue' | 'grew'`),
 * for ranking with `ts_rank_cd`. `to_tsquery` still stems each term and drops stopwords with
 * the text search configuration. `websearch_to_tsquery` and `plainto_tsquery` are not used
 * because they AND the words, and a question rarely has every one of its words in the passage
 * that answers it. Undefined when there is no searchable term; pass the result as a bound parameter.
 */
export function toPostgresTsQuery(question: string): string | undefined {
  const terms = fullTextQueryTerms(question);
  return terms.length === 0 ? undefined : terms.map((term) => `'${term}'`).join(' | ');
}
