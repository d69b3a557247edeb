import { describe, expect, it } from 'vitest';
import { normalizeInlineText } from '../../src/ingest/document-builder.js';
import { stripInlineMarkdown } from '../../src/ingest/extractors/markdown-inline.js';
import { randomText, seededRandom } from '../helpers/seeded-random.js';

describe('normalizing inline text', () => {
  it('collapses every run of whitespace to one space and trims', () => {
    expect(normalizeInlineText('  Revenue\tgrew\n\nby  12%\u00a0in\r\n2023 ')).toBe('Revenue grew by 12% in 2023');
    expect(normalizeInlineText('one two')).toBe('one two');
    expect(normalizeInlineText(' \n\t ')).toBe('');
  });

  it('gives what collapsing every whitespace run gives, on random text', () => {
    const random = seededRandom(3);
    const pieces = ['a', 'word', ' ', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '.', 'é'];
    for (let trial = 0; trial < 5_000; trial++) {
      const text = randomText(random, pieces, 12);
      expect(normalizeInlineText(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});

/** Every rewrite applied whatever the text holds: what the shortcuts must give. */
function stripEverything(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

describe('stripping inline Markdown', () => {
  it('keeps what a reader sees of links, images, code, emphasis, strike-through and escapes', () => {
    expect(stripInlineMarkdown('See [the report](https://example.com/r.pdf) and ![chart](c.png) or [ref][1].')).toBe('See the report and chart or ref.');
    expect(stripInlineMarkdown('Run `npm start`, **now**, _please_ ~~not~~ <https://example.com> 1\\. \\#1')).toBe(
      'Run npm start, now, please not https://example.com 1. #1',
    );
    expect(stripInlineMarkdown('Plain prose, nothing to strip.')).toBe('Plain prose, nothing to strip.');
  });

  it('gives what applying every rewrite gives, on random Markdown', () => {
    const random = seededRandom(11);
    const pieces = ['word', ' ', '[', ']', '(', ')', '!', '<', '>', 'https://x.y', '`', '*', '**', '_', '__', '~~', '~', '\\', '#', '.', '1', '\n'];
    for (let trial = 0; trial < 20_000; trial++) {
      const text = randomText(random, pieces, 14);
      expect(stripInlineMarkdown(text), JSON.stringify(text)).toBe(stripEverything(text));
    }
  });
});
