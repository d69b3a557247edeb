import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fullTextQueryTerms, maximumQueryTerms, toFts5MatchQuery, toPostgresTsQuery } from '../../src/search/bm25-query.js';

const hostileQuestions = [
  'revenue" OR "x',
  'prof* ^start col:value',
  'NEAR(revenue profit, 2)',
  'revenue -profit +growth',
  "Robert'); DROP TABLE chunks; --",
  '(revenue AND NOT profit) OR {title}: "unterminated',
  "what's the 'price' & cost | fee ! <-> <2> :*",
];

describe('full-text query builders', () => {
  it('turn a question into OR-ed quoted terms without stopwords', () => {
    expect(toFts5MatchQuery('What were the revenues in 2023?')).toBe('"revenues" OR "2023"');
    expect(toPostgresTsQuery('What were the revenues in 2023?')).toBe("'revenues' | '2023'");
    expect(fullTextQueryTerms('Café déjà vu, café!')).toEqual(['cafe', 'deja', 'vu']);
  });

  it('keep stopwords when a question has nothing else and give undefined for no terms', () => {
    expect(toFts5MatchQuery('Who is it?')).toBe('"who" OR "is" OR "it"');
    expect(toFts5MatchQuery('?!* ()')).toBeUndefined();
    expect(toPostgresTsQuery('   ')).toBeUndefined();
  });

  it('cap the number of terms', () => {
    const question = Array.from({ length: 100 }, (_, index) => `term${index}`).join(' ');
    expect(fullTextQueryTerms(question)).toHaveLength(maximumQueryTerms);
  });

  it.each(hostileQuestions)('leave no FTS or tsquery syntax from %j', (question) => {
    for (const term of fullTextQueryTerms(question)) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
    const fts = toFts5MatchQuery(question)!;
    expect(fts.replace(/"[\p{L}\p{N}]+"/gu, '').replace(/ OR /g, '')).toBe('');
    const tsquery = toPostgresTsQuery(question)!;
    expect(tsquery.replace(/'[\p{L}\p{N}]+'/gu, '').replace(/ \| /g, '')).toBe('');
  });

  it('run against a real SQLite FTS5 table without syntax errors', () => {
    const database = new Database(':memory:');
    try {
      database.exec("CREATE VIRTUAL TABLE chunks USING fts5(text); INSERT INTO chunks(text) VALUES ('Revenue grew while profit fell'), ('Staff get 25 days of leave'), ('The price of the tent is high')");
      const search = database.prepare('SELECT text FROM chunks WHERE chunks MATCH ? ORDER BY bm25(chunks)');
      for (const question of hostileQuestions) {
        expect(() => search.all(toFts5MatchQuery(question))).not.toThrow();
      }
      expect(search.all(toFts5MatchQuery('NEAR(revenue profit, 2)'))).toEqual([{ text: 'Revenue grew while profit fell' }]);
      expect(search.all(toFts5MatchQuery("what's the 'price' & cost"))).toEqual([{ text: 'The price of the tent is high' }]);
    } finally {
      database.close();
    }
  });
});
