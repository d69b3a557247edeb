import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { streamChatTurn } from '../../src/llm/chat-stream.js';
import { collectChatTurn } from '../../src/llm/collect-chat-turn.js';
import { answerQuestion } from '../../src/llm/offline/answer-question.js';
import { offlineProviderOptions, type OfflineKnowledge } from '../../src/llm/offline/offline-knowledge.js';
import { OfflineLanguageModel } from '../../src/llm/offline/offline-language-model.js';
import { countTextTokens } from '../../src/llm/token-count.js';
import { collectEvents, lastEvent, textOf } from './collect-events.js';
import { northwindKnowledge } from './northwind-knowledge.js';

const model = new OfflineLanguageModel();

function ask(question: string, knowledge: OfflineKnowledge = northwindKnowledge) {
  return collectChatTurn({
    model,
    system: 'You are Ava, the assistant of Northwind Outfitters.',
    messages: [{ role: 'user', content: question }],
    providerOptions: offlineProviderOptions(knowledge),
  });
}

describe('offline responder: FAQ entries', () => {
  it('gives the stored answer to the stored question', async () => {
    const result = await ask('What are your opening hours?');
    expect(result.text).toBe('Our stores are open Monday to Saturday, 9am to 6pm, and closed on Sundays.');
    expect(result.sources).toEqual([]);
  });

  it.each([
    ['When are you open?', 'Our stores are open'],
    ['what time do your shops open', 'Our stores are open'],
    ['i forgot my pasword, how can I reset it', 'Forgot password'],
    ['Do you deliver abroad?', 'International delivery takes 7 to 14 business days.'],
  ])('tolerates the paraphrase %j', async (question, expected) => {
    expect((await ask(question)).text).toContain(expected);
  });

  it('does not hand a stored answer to a different question that shares words', () => {
    const answer = answerQuestion('How do I reset my router?', northwindKnowledge);
    expect(answer.kind).toBe('no-answer');
  });
});

describe('offline responder: document passages', () => {
  it('quotes the sentence that answers, with a source marker and a citation', async () => {
    const result = await ask('How much does the membership cost?');
    expect(result.text).toBe('Northwind Club membership costs $25 per year. [1]');
    expect(result.sources).toEqual([
      { id: 'membership#1', title: 'Northwind Club', snippet: 'Northwind Club membership costs $25 per year.' },
    ]);
  });

  it('carries location and url of the cited passage', async () => {
    const result = await ask('How long do I have to return something?');
    expect(result.text).toBe('Northwind accepts returns of unused items within 30 days of delivery. [1]');
    expect(result.sources[0]).toMatchObject({ id: 'returns-policy#1', location: 'section 1', url: 'https://northwind.example/returns' });
  });

  it('adds a following sentence that continues the chosen one', async () => {
    const result = await ask('Can I cancel my membership?');
    expect(result.text).toBe(
      'You can cancel your membership at any time from your account settings. It stays active until the end of the paid year. [1]',
    );
  });

  it('answers a two-part question from two passages, in document order, citing both', async () => {
    const result = await ask('Is there a warranty on backpacks, and what does the club membership cost?');
    expect(result.text).toBe(
      'All tents and backpacks carry a two-year warranty against manufacturing defects. [1] Northwind Club membership costs $25 per year. [2]',
    );
    expect(result.sources.map((source) => source.id)).toEqual(['warranty#2', 'membership#1']);
  });

  it.each([
    ['Does the warranty cover damage from misuse?', 'The warranty does not cover normal wear and tear or damage caused by misuse.'],
    ['how do i claim the warranty', 'To make a warranty claim, email support@northwind.example'],
    ['When will I get my refund?', 'Refunds are issued to the original payment method within 5 business days'],
    ["Hi Ava, what is Northwind's refund policy for opened electronics?", 'Opened electronics can only be exchanged, not refunded.'],
  ])('answers %j from the right sentence', async (question, expected) => {
    const result = await ask(question);
    expect(result.text).toContain(expected);
    expect(result.text).toMatch(/\[1\]$/);
  });
});

describe('offline responder: refusing to guess', () => {
  it.each([
    'What is the capital of France?',
    'Do you sell pizza?',
    'Who is the CEO of Northwind?',
    'How long does shipping to Mars take?',
  ])('says plainly that the documents do not answer %j', async (question) => {
    const result = await ask(question);
    expect(result.text).toBe(
      "I'm sorry, I couldn't find an answer to that in Northwind Outfitters' documents, so I'd rather not guess. Could you rephrase your question, or ask about something else?",
    );
    expect(result.sources).toEqual([]);
  });

  it("uses the owner's own no-answer message", async () => {
    const result = await ask('What is the capital of France?', { ...northwindKnowledge, noAnswerMessage: 'Please call us on 555-0100.' });
    expect(result.text).toBe('Please call us on 555-0100.');
  });

  it('says it has no documents when given no knowledge at all', async () => {
    const result = await collectChatTurn({ model, messages: [{ role: 'user', content: 'What is your return policy?' }] });
    expect(result.text).toMatch(/^I don't have any documents to answer from yet/);
  });
});

describe('offline responder: small talk', () => {
  it.each([
    ['hi', "Hello! I'm Ava, Northwind Outfitters' assistant. How can I help you today?"],
    ['Hello there Ava!', "Hello! I'm Ava, Northwind Outfitters' assistant. How can I help you today?"],
    ['thanks so much!', "You're welcome! Let me know if there's anything else I can help with."],
    ['bye', 'Goodbye! Come back any time you have a question.'],
    ['who are you?', "I'm Ava, Northwind Outfitters' assistant. I answer questions using Northwind Outfitters' documents."],
  ])('replies to %j', async (message, reply) => {
    expect((await ask(message)).text).toBe(reply);
  });

  it('greets without knowledge too', async () => {
    const result = await collectChatTurn({ model, messages: [{ role: 'user', content: 'Hello' }] });
    expect(result.text).toBe("Hello! I'm a virtual assistant. How can I help you today?");
  });

  it('answers the last user message, not earlier ones', async () => {
    const result = await collectChatTurn({
      model,
      messages: [
        { role: 'user', content: 'How much does the membership cost?' },
        { role: 'assistant', content: 'Northwind Club membership costs $25 per year. [1]' },
        { role: 'user', content: 'thanks!' },
      ],
      providerOptions: offlineProviderOptions(northwindKnowledge),
    });
    expect(result.text).toBe("You're welcome! Let me know if there's anything else I can help with.");
  });
});

describe('offline responder: the V3 model protocol', () => {
  it('streams stream-start, sources, text blocks in word groups and a finish with counted usage', async () => {
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'How much does the membership cost?' }] }],
      providerOptions: offlineProviderOptions(northwindKnowledge),
      temperature: 0.7,
    });
    const parts = [];
    for await (const part of stream) parts.push(part);

    expect(parts.map((part) => part.type)).toEqual([
      'stream-start',
      'response-metadata',
      'source',
      'text-start',
      'text-delta',
      'text-delta',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(parts[0]).toEqual({
      type: 'stream-start',
      warnings: [{ type: 'unsupported', feature: 'temperature', details: 'The offline responder answers by extraction.' }],
    });
    expect(parts[2]).toMatchObject({ type: 'source', sourceType: 'document', id: 'membership#1', title: 'Northwind Club' });
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
    if (finish?.type !== 'finish') throw new Error('expected a finish part');
    expect(finish.usage.inputTokens.total).toBeGreaterThan(100);
    expect(finish.usage.outputTokens.total).toBe(countTextTokens('Northwind Club membership costs $25 per year. [1]'));
  });

  it('returns text and document sources from doGenerate', async () => {
    const result = await generateText({
      model,
      prompt: 'Does the warranty cover misuse?',
      providerOptions: offlineProviderOptions(northwindKnowledge),
    });
    expect(result.text).toContain('damage caused by misuse. [1]');
    expect(result.sources).toMatchObject([{ type: 'source', sourceType: 'document', id: 'warranty#2', title: 'Warranty' }]);
    expect(result.finishReason).toBe('stop');
  });

  it('cuts the answer at maxOutputTokens and reports length', async () => {
    const events = await collectEvents(
      streamChatTurn({
        model,
        messages: [{ role: 'user', content: 'Can I cancel my membership?' }],
        providerOptions: offlineProviderOptions(northwindKnowledge),
        maxOutputTokens: 5,
      }),
    );
    expect(textOf(events)).toBe('You can cancel your membership');
    expect(lastEvent(events)).toMatchObject({ type: 'finish', finishReason: 'length', usage: { outputTokens: 5 } });
  });

  it('ignores malformed knowledge entries instead of failing', async () => {
    const result = await collectChatTurn({
      model,
      messages: [{ role: 'user', content: 'How much does the membership cost?' }],
      providerOptions: { docent: { passages: [{ id: 7 }, 'text', { id: 'm', title: 'Club', text: 'Membership costs $25 per year.' }], examples: [{}] } },
    });
    expect(result.text).toBe('Membership costs $25 per year. [1]');
  });
});
