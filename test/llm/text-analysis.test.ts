import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/llm/offline/sentences.js';
import { readSmallTalk } from '../../src/llm/offline/small-talk.js';
import { stem } from '../../src/llm/offline/stem.js';
import { contentTerms, termSimilarity } from '../../src/llm/offline/text-analysis.js';

describe('stem', () => {
  it.each([
    ['refunds', 'refund'],
    ['refunded', 'refund'],
    ['refunding', 'refund'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['policies', 'policy'],
    ['cancellation', 'cancel'],
    ['cancelled', 'cancel'],
    ['payment', 'pay'],
    ['charges', 'charg'],
    ['charge', 'charg'],
    ['boxes', 'box'],
    ['business', 'business'],
    ['status', 'status'],
    ['glasses', 'glass'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('contentTerms', () => {
  it('drops stopwords, accents and the quantity word of "how long" / "how much"', () => {
    expect(contentTerms('How long do I have to return my boots?')).toEqual(['return', 'boot']);
    expect(contentTerms('How much does it cost?')).toEqual(['cost']);
    expect(contentTerms("Can't I get a café refund?")).toEqual(contentTerms('cafe refund'));
  });
});

describe('termSimilarity', () => {
  it('ranks same stem over shared root, typo and synonym', () => {
    expect(termSimilarity('refund', 'refund')).toBe(1);
    expect(termSimilarity('register', 'registr')).toBe(0.8);
    expect(termSimilarity('pasword', 'password')).toBe(0.8);
    expect(termSimilarity('cost', 'pric')).toBe(0.7);
    expect(termSimilarity('tent', 'pizza')).toBe(0);
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends and lines, keeping abbreviations and dropping list markers', () => {
    expect(splitSentences('We accept cards, e.g. Visa. Dr. Lee signs off!\n- Free returns\n2. Keep the receipt')).toEqual([
      'We accept cards, e.g. Visa.',
      'Dr. Lee signs off!',
      'Free returns',
      'Keep the receipt',
    ]);
  });
});

describe('readSmallTalk', () => {
  it.each([
    ['hi!', 'greeting'],
    ['Good morning', 'greeting'],
    ['thank you so much', 'thanks'],
    ['see you later', 'farewell'],
    ['how are you?', 'wellbeing'],
    ["what's your name?", 'identity'],
    ['ok great', 'acknowledgement'],
  ])('reads %j as %s', (message, kind) => {
    expect(readSmallTalk(message).kind).toBe(kind);
  });

  it('peels a greeting and the agent name off a real question', () => {
    expect(readSmallTalk('Hey Ava, what are your hours?', 'Ava')).toEqual({ question: 'what are your hours?' });
    expect(readSmallTalk('thanks, and what about returns?').kind).toBeUndefined();
  });
});
