import { describe, expect, it } from 'vitest';
import { asciiSentenceBreaks, isAscii } from '../../src/ingest/chunking/ascii-sentence-breaks.js';
import { splitSentences } from '../../src/ingest/chunking/sentence-split.js';
import { seededRandom } from '../helpers/seeded-random.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function icuBreaks(text: string): number[] {
  return Array.from(segmenter.segment(text), ({ index, segment }) => index + segment.length);
}

/**
 * The JavaScript sentence rules for ASCII text replace ICU only where they give the same
 * boundaries: checked on random text over every ASCII character, weighted towards the ones the
 * rules treat specially (terminators, closing punctuation, spaces, line breaks, letters).
 */
describe('ASCII sentence boundaries', () => {
  it('match ICU on random ASCII text', () => {
    const random = seededRandom(20261122);
    const special = 'aaeeZZ..!!??  \t\n\r,;:-"\'()[]{}09#$%&*+/<=>@\\^_`|~\v\f';
    let compared = 0;
    for (let trial = 0; trial < 60_000; trial++) {
      let text = '';
      for (let length = 1 + Math.floor(random() * 24); length > 0; length--) {
        text += random() < 0.8 ? special[Math.floor(random() * special.length)] : String.fromCharCode(Math.floor(random() * 128));
      }
      expect(asciiSentenceBreaks(text), JSON.stringify(text)).toEqual(icuBreaks(text));
      compared++;
    }
    expect(compared).toBe(60_000);
  });

  it('match ICU on prose, abbreviations and hard-wrapped lines', () => {
    const texts = [
      'Revenue grew by 12 percent. The board met e.g. in May.\nIt closed (finally). "Yes!" she said? No...',
      'Mr. Smith paid $4.20 at 3 p.m. on Jan. 5. Then he left.',
      'U.S.A. is big.Small things matter.   Spaces   after.\r\nWindows line.\rOld Mac line.',
    ];
    for (const text of texts) {
      expect(isAscii(text)).toBe(true);
      expect(asciiSentenceBreaks(text)).toEqual(icuBreaks(text));
    }
  });

  it('stay linear on hostile runs', () => {
    const text = `a.${' '.repeat(200_000)}${')'.repeat(200_000)}.${'1 '.repeat(100_000)}b`;
    const started = performance.now();
    expect(asciiSentenceBreaks(text)).toEqual(icuBreaks(text));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('leave non-ASCII text to ICU', () => {
    expect(isAscii('naïve café.')).toBe(false);
    expect(splitSentences('Café ouvert. Fermé le lundi.').map((sentence) => sentence.text)).toEqual(['Café ouvert.', 'Fermé le lundi.']);
  });
});
