import { describe, expect, it } from 'vitest';
import { maximumTitleLength, titleFromQuestion } from './conversation-title.js';

describe('titleFromQuestion', () => {
  it('keeps a short question as it is, whitespace collapsed', () => {
    expect(titleFromQuestion('  What are your\n opening   hours? ')).toBe('What are your opening hours?');
  });

  it('cuts a long question at a word boundary and marks the cut', () => {
    const question = 'Could you please explain in detail how the returns policy works for opened electronics bought online?';
    const title = titleFromQuestion(question);
    expect(title.length).toBeLessThanOrEqual(maximumTitleLength);
    expect(title.endsWith('…')).toBe(true);
    expect(question.startsWith(title.slice(0, -1))).toBe(true);
    expect(question.charAt(title.length - 1)).toBe(' ');
  });

  it('cuts a single overlong word mid-word', () => {
    const title = titleFromQuestion('x'.repeat(200));
    expect(title).toBe(`${'x'.repeat(maximumTitleLength - 1)}…`);
  });
});
