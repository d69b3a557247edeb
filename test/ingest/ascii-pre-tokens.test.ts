import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { describe, expect, it } from 'vitest';
import { asciiPreTokenEnd, notAscii } from '../../src/ingest/chunking/ascii-pre-tokens.js';
import { countTokens } from '../../src/ingest/chunking/token-counter.js';
import { countTextTokens } from '../../src/llm/token-count.js';
import { randomText, seededRandom } from '../helpers/seeded-random.js';

const pattern = new RegExp(O200K_TOKEN_SPLIT_REGEX.source, O200K_TOKEN_SPLIT_REGEX.flags);

/** Where the o200k pattern's pre-token starting at `start` ends (the pattern matches every character, so it starts there). */
function patternEnd(text: string, start: number): number {
  pattern.lastIndex = start;
  const match = pattern.exec(text);
  if (match === null || match.index !== start) throw new Error(`no pre-token at ${start} in ${JSON.stringify(text)}`);
  return start + match[0].length;
}

/** Characters that take every branch of the pattern: cases, contractions, digits, each kind of whitespace, symbols, controls. */
const asciiPieces = [
  'a', 'b', 'z', 'A', 'Q', 'Z', 's', 'S', 'd', 'D', 'm', 't', 'T', 'l', 'L', 'v', 'V', 'e', 'E', 'r', 'R',
  '0', '7', '9', ' ', ' ', '  ', '\t', '\n', '\r', '\r\n', '\v', '\f', "'", '/', '.', ',', '-', '(', ')', '"',
  '$', '*', '#', '\\', '_', '`', '~', '\x00', '\x1f', '\x7f', "'ll", "'VE", "'re", "'s", "'t",
];
const nonAsciiPieces = ['é', 'É', '\u00a0', '\u2003', '٣', '—', '’', '日', '😀', 'a\u0301'];

describe('cutting ASCII text into o200k pre-tokens by hand', () => {
  it('cuts exactly where the pattern does, from every position of random ASCII text', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 20_000; trial++) {
      const text = randomText(random, asciiPieces, 16);
      for (let start = 0; start < text.length; start++) {
        expect(asciiPreTokenEnd(text, start), `${JSON.stringify(text)} from ${start}`).toBe(patternEnd(text, start));
      }
    }
  });

  it('cuts prose, Markdown and code as the pattern does', () => {
    const text = [
      "# Annual Report 2023\n\nRevenue grew by 12.5% to $4,200,000 (FY2022: $3.7m). We'd expected more; they'll see.\n",
      "- The CEO's letter\n  1) HTTP/2 and TLS1.3 support //comments\r\n\r\n\tIndented\tcode();  \n",
      '| Year | Revenue |\n|---|---|\n| 2023 | 4.2 bn |\n',
      "DON'T SHOUT!!! Mixed CamelCase wordsLikeThis and ALLCAPSword... \"quoted\" 'single' end.   \n\n\n   ",
    ].join('');
    for (let start = 0; start < text.length; start++) expect(asciiPreTokenEnd(text, start), `from ${start}`).toBe(patternEnd(text, start));
  });

  it('gives up, rather than cut wrongly, wherever a character it reads is not ASCII', () => {
    const random = seededRandom(29);
    const pieces = [...asciiPieces, ...nonAsciiPieces];
    let gaveUp = 0;
    for (let trial = 0; trial < 20_000; trial++) {
      const text = randomText(random, pieces, 12);
      for (let start = 0; start < text.length; start++) {
        if (text.charCodeAt(start) >= 0x80) continue;
        const end = asciiPreTokenEnd(text, start);
        if (end === notAscii) gaveUp++;
        else expect(end, `${JSON.stringify(text)} from ${start}`).toBe(patternEnd(text, start));
      }
    }
    // Giving up is the exception: most positions are decided by the ASCII around them.
    expect(gaveUp).toBeGreaterThan(0);
  });

  it('leaves token counts exactly those of the tokenizer', () => {
    const random = seededRandom(41);
    const pieces = ['Hello', ' world', "don't", ' 2023', '  ', '\n', '\r\n', ' $4.2m', ' (see', ').', '\t', 'HTTP/2', ' naïve', ' x'.repeat(40)];
    for (let trial = 0; trial < 3_000; trial++) {
      const text = randomText(random, pieces, 12);
      expect(countTokens(text), JSON.stringify(text)).toBe(countTextTokens(text));
    }
  });
});
