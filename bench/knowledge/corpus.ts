/**
 * Realistic, varied text for the knowledge benchmarks, without shipping a corpus: a word-bigram
 * Markov chain trained on the prose of the Markdown files under node_modules (real English and
 * technical vocabulary with a natural, Zipf-like word distribution), driven by a seeded random
 * generator so every run produces the same bytes. No two paragraphs repeat; headings, lists and
 * paragraphs give the chunker real structure to follow.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { retrievalStopwords } from '../../src/search/stopwords.js';

import type { Random } from '../../test/helpers/seeded-random.js';

export { seededRandom, type Random } from '../../test/helpers/seeded-random.js';

function markdownFiles(directory: string, found: string[], budget: { bytes: number }): string[] {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    if (budget.bytes <= 0) break;
    const path = join(directory, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) markdownFiles(path, found, budget);
    else if (stats?.isFile() && name.toLowerCase().endsWith('.md') && stats.size > 2_000) {
      found.push(path);
      budget.bytes -= stats.size;
    }
  }
  return found;
}

/** Prose lines of Markdown: no code, tables, HTML, links-only lines or headings. ASCII only (the PDF writer uses WinAnsi). */
function proseWords(markdown: string): string[][] {
  const sentences: string[][] = [];
  let inCode = false;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode || line.length < 40 || /^[#|<>[!`*\-+=0-9]/.test(line) || /[{};=<>`]/.test(line)) continue;
    const words = line
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .split(/\s+/)
      .map((word) => word.replace(/[^A-Za-z0-9.,;:'?!-]/g, ''))
      .filter((word) => word.length > 0 && word.length < 24 && /[A-Za-z]/.test(word));
    if (words.length >= 6) sentences.push(words);
  }
  return sentences;
}

export class ProseGenerator {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];
  private readonly vocabulary: string[] = [];

  constructor(
    private readonly random: Random,
    trainingBytes = 6_000_000,
  ) {
    const files = markdownFiles('node_modules', [], { bytes: trainingBytes });
    const seen = new Set<string>();
    for (const file of files) {
      for (const words of proseWords(readFileSync(file, 'utf8'))) {
        if (/^[A-Z][a-z]/.test(words[0]!)) this.starts.push(words[0]!);
        for (let index = 0; index < words.length - 1; index++) {
          const word = words[index]!;
          let followers = this.next.get(word);
          if (!followers) this.next.set(word, (followers = []));
          followers.push(words[index + 1]!);
          const plain = word.toLowerCase().replace(/[^a-z]/g, '');
          if (plain.length > 4 && !retrievalStopwords.has(plain) && !seen.has(plain)) {
            seen.add(plain);
            this.vocabulary.push(plain);
          }
        }
      }
    }
    if (this.starts.length < 100) throw new Error('Not enough Markdown under node_modules to train the text generator');
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  word(): string {
    return this.pick(this.vocabulary);
  }

  sentence(): string {
    const length = 8 + Math.floor(this.random() * 20);
    let word = this.pick(this.starts);
    const words = [word];
    while (words.length < length) {
      const followers = this.next.get(word);
      if (!followers) break;
      word = this.pick(followers);
      words.push(word);
      if (/[.!?]$/.test(word) && words.length > 6) break;
    }
    let text = words.join(' ').replace(/[,;:-]+$/, '');
    if (!/[.!?]$/.test(text)) text += '.';
    return text;
  }

  paragraph(): string {
    const count = 3 + Math.floor(this.random() * 5);
    return Array.from({ length: count }, () => this.sentence()).join(' ');
  }

  heading(): string {
    const count = 2 + Math.floor(this.random() * 4);
    const words = Array.from({ length: count }, () => this.word());
    return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  }

  /** One Markdown document of about `targetBytes`, as an iterable of pieces (never built whole). */
  *markdown(targetBytes: number, title: string): Generator<string> {
    let written = 0;
    const emit = (text: string) => {
      written += Buffer.byteLength(text);
      return text;
    };
    yield emit(`# ${title}\n\n`);
    while (written < targetBytes) {
      yield emit(`## ${this.heading()}\n\n`);
      const blocks = 3 + Math.floor(this.random() * 6);
      for (let block = 0; block < blocks && written < targetBytes; block++) {
        if (this.random() < 0.15) {
          const items = 3 + Math.floor(this.random() * 4);
          yield emit(Array.from({ length: items }, () => `- ${this.sentence()}`).join('\n') + '\n\n');
        } else if (this.random() < 0.1) {
          yield emit(`### ${this.heading()}\n\n${this.paragraph()}\n\n`);
        } else {
          yield emit(`${this.paragraph()}\n\n`);
        }
      }
    }
  }

  /** Plain text (no Markdown syntax): paragraphs separated by blank lines. */
  *plainText(targetBytes: number): Generator<string> {
    let written = 0;
    while (written < targetBytes) {
      const text = `${this.paragraph()}\n\n`;
      written += Buffer.byteLength(text);
      yield text;
    }
  }

  /** A question a user might type about a passage: a few of its content words in a question frame. */
  questionAbout(passage: string): string {
    const words = (passage.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((word) => !retrievalStopwords.has(word));
    const start = Math.floor(this.random() * Math.max(1, words.length - 8));
    const picked = [...new Set(words.slice(start, start + 8))].slice(0, 2 + Math.floor(this.random() * 4));
    if (picked.length === 0) picked.push(this.word(), this.word());
    const frames = [
      (terms: string) => `How does ${terms} work?`,
      (terms: string) => `What is the ${terms}?`,
      (terms: string) => `Why would ${terms} fail?`,
      (terms: string) => `Explain ${terms}`,
      (terms: string) => `When should I use ${terms}?`,
      (terms: string) => `${terms}`,
    ];
    return this.pick(frames)(picked.join(' '));
  }
}
