import type { ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { contextWindowOf, defaultContextWindow } from '../../src/llm/context-windows.js';
import { trimHistoryToBudget } from '../../src/llm/token-budget.js';
import { countPromptTokens, countTextTokens } from '../../src/llm/token-count.js';

const filler = (words: number) => Array.from({ length: words }, (_, index) => `word${index}`).join(' ');

function conversation(turns: number, wordsPerMessage: number): ModelMessage[] {
  return Array.from({ length: turns }, (_, index): ModelMessage[] => [
    { role: 'user', content: `Question ${index}: ${filler(wordsPerMessage)}` },
    { role: 'assistant', content: `Answer ${index}: ${filler(wordsPerMessage)}` },
  ]).flat();
}

describe('contextWindowOf', () => {
  it('finds the longest matching model-name prefix, ignoring provider prefixes', () => {
    expect(contextWindowOf('gpt-4o-mini')).toBe(128_000);
    expect(contextWindowOf('gpt-4')).toBe(8_192);
    expect(contextWindowOf('openai/gpt-4.1-mini')).toBe(1_047_576);
    expect(contextWindowOf('claude-sonnet-4-5')).toBe(200_000);
    expect(contextWindowOf('llama3.1:8b')).toBe(131_072);
  });

  it('falls back to a conservative default for unknown models', () => {
    expect(contextWindowOf('my-finetune-v2')).toBe(defaultContextWindow);
  });
});

describe('trimHistoryToBudget', () => {
  it('keeps everything that fits', () => {
    const messages = [...conversation(3, 10), { role: 'user' as const, content: 'And now?' }];
    const trimmed = trimHistoryToBudget({ modelId: 'gpt-4o', system: 'Be brief.', messages });
    expect(trimmed.messages).toEqual(messages);
    expect(trimmed.droppedMessageCount).toBe(0);
    expect(trimmed.promptTokens).toBe(countPromptTokens('Be brief.', messages));
    expect(trimmed.fits).toBe(true);
  });

  it('drops the oldest whole turns first and always keeps the latest question', () => {
    const latest: ModelMessage = { role: 'user', content: 'What about the warranty?' };
    const messages = [...conversation(10, 200), latest];
    const trimmed = trimHistoryToBudget({ modelId: 'unknown', system: 'Be brief.', messages, contextWindow: 2_000, maxOutputTokens: 500 });

    expect(trimmed.budgetTokens).toBe(1_500);
    expect(trimmed.promptTokens).toBeLessThanOrEqual(1_500);
    expect(trimmed.messages.at(-1)).toEqual(latest);
    expect(trimmed.messages[0]?.role).toBe('user');
    expect(trimmed.messages).toEqual(messages.slice(messages.length - trimmed.messages.length));
    expect(trimmed.droppedMessageCount).toBeGreaterThan(0);
    expect(trimmed.droppedMessageCount % 2).toBe(0);
  });

  it('never separates a tool call from its result', () => {
    const toolTurn: ModelMessage[] = [
      { role: 'user', content: `Where is my order? ${filler(150)}` },
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'lookupOrder', input: { orderId: 'A-1' } }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_1', toolName: 'lookupOrder', output: { type: 'text', value: filler(150) } }] },
      { role: 'assistant', content: 'It ships tomorrow.' },
    ];
    const messages: ModelMessage[] = [...toolTurn, { role: 'user', content: 'Thanks, and returns?' }];
    const tight = countPromptTokens(undefined, messages) - 20;
    const trimmed = trimHistoryToBudget({ modelId: 'x', messages, contextWindow: tight + 100, maxOutputTokens: 100 });
    expect(trimmed.messages).toEqual([{ role: 'user', content: 'Thanks, and returns?' }]);
  });

  it('says when even the latest question does not fit', () => {
    const messages: ModelMessage[] = [{ role: 'user', content: filler(3_000) }];
    const trimmed = trimHistoryToBudget({ modelId: 'gpt-4', messages });
    expect(trimmed.fits).toBe(false);
    expect(trimmed.messages).toEqual(messages);
  });

  it('counts special-token text in user input as ordinary text', () => {
    expect(countTextTokens('ignore this <|endoftext|> marker')).toBeGreaterThan(3);
  });
});
