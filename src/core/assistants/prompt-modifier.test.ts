import { describe, expect, it } from 'vitest';
import { renderPromptModifier } from './prompt-modifier.js';
import { styles, tones } from './personality.js';

describe('renderPromptModifier', () => {
  it('renders tone, style, traits and custom instructions as one short block', () => {
    const modifier = renderPromptModifier({
      tone: 'professional',
      style: 'concise',
      traits: ['precise', ' ', 'patient'],
      customInstructions: '  Never promise delivery dates.  ',
    });
    expect(modifier).toBe(
      'Use a professional tone: be polished, courteous and precise. ' +
        'Answer in a concise style: keep answers short and to the point. ' +
        'Let these traits show in every answer: precise, patient.\n' +
        'Never promise delivery dates.',
    );
  });

  it('has guidance for every tone and style and leaves out empty traits', () => {
    for (const tone of tones) {
      for (const style of styles) {
        const modifier = renderPromptModifier({ tone, style, traits: [], customInstructions: '' });
        expect(modifier).toMatch(new RegExp(`^Use an? ${tone} tone: \\w.+\\. Answer in an? ${style} style: \\w.+\\.$`));
        expect(modifier).not.toContain('undefined');
        expect(modifier).not.toContain('traits');
        expect(modifier).not.toMatch(/\ba [aeiou]/);
      }
    }
  });
});
