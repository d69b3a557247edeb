import { describe, expect, it } from 'vitest';
import { isAnswerRight, isRefusal, scoreAnswers } from '../../eval/scoring/answer-scores.js';
import { question } from './passages.js';

const revenue = question({ keyFacts: ['£48.6 million', '11.2 percent'], expectedSources: [{ document: 'report.pdf' }] });
const sondeDepth = question({ answerable: false, distractorFacts: ['200 m'] });
const offlineRefusal = "I'm sorry, I couldn't find an answer to that in the documents I have, so I'd rather not guess.";

describe('isRefusal', () => {
  it.each([
    offlineRefusal,
    "I don't know which firm audits the accounts.",
    'I do not have information about salaries.',
    'The documents do not mention a gym benefit.',
    'There is no information about the S2 depth rating in the manual.',
    'I cannot answer that from the sources.',
  ])('recognises "%s"', (answer) => {
    expect(isRefusal(answer)).toBe(true);
  });

  it.each([
    'Sensors damaged by freezing are not covered. [1]',
    'Revenue was £48.6 million. [1]',
    'Customers cannot return deployed instruments. [2]',
  ])('does not mistake a quoted statement for a refusal: "%s"', (answer) => {
    expect(isRefusal(answer)).toBe(false);
  });
});

describe('isAnswerRight', () => {
  it('needs every key fact in an answer to an answerable question', () => {
    expect(isAnswerRight({ question: revenue, answer: 'Revenue reached £48.6 million, up 11.2 percent. [1]' })).toBe(true);
    expect(isAnswerRight({ question: revenue, answer: 'Revenue reached £48.6 million. [1]' })).toBe(false);
    expect(isAnswerRight({ question: revenue, answer: offlineRefusal })).toBe(false);
  });

  it('needs a refusal without distractor facts for an unanswerable question', () => {
    expect(isAnswerRight({ question: sondeDepth, answer: offlineRefusal })).toBe(true);
    expect(isAnswerRight({ question: sondeDepth, answer: 'The depth rating is 200 m. [1]' })).toBe(false);
    expect(isAnswerRight({ question: sondeDepth, answer: "I couldn't find the S2's rating; the S4 is rated to 200 m." })).toBe(false);
    expect(isAnswerRight({ question: question({ answerable: false }), answer: offlineRefusal })).toBe(true);
  });
});

describe('scoreAnswers', () => {
  it('scores answerable and unanswerable questions apart', () => {
    const scores = scoreAnswers([
      { question: revenue, answer: 'It was £48.6 million, 11.2 percent more.' },
      { question: revenue, answer: offlineRefusal },
      { question: sondeDepth, answer: offlineRefusal },
    ]);
    expect(scores).toEqual({ answerAccuracy: 0.5, refusalAccuracy: 1, answerableCount: 2, unanswerableCount: 1 });
  });
});
