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

/** Passages shaped like the chunker's: a heading-path line, a blank line, then the text. */
const harbourviewKnowledge: OfflineKnowledge = {
  passages: [
    {
      id: 'report#2',
      title: 'harbourview-annual-report-2023.pdf',
      text:
        "Harbourview Annual Report 2023 > Managing Director's letter\n\n" +
        'We opened two new branches this year. Sales grew steadily in every region.\n\n' +
        'Priya Nair, Managing Director',
    },
    {
      id: 'about#1',
      title: 'about-us.md',
      text:
        'Harbourview > About us\n\n' +
        'Harbourview was founded in 1998 in Leeds. The company employs 1,240 staff across three sites. Our lamps are sold in 30 countries.',
    },
    {
      id: 'handbook#4',
      title: 'staff-handbook.md',
      text: 'Staff Handbook > Leave > Parental leave\n\nA birthing parent receives 26 weeks of full pay. A partner receives six weeks of full pay after a birth or adoption.',
    },
    {
      id: 'handbook#1',
      title: 'staff-handbook.md',
      text: 'Staff Handbook\n\nThis handbook covers staff in the United Kingdom. Staff in the Dublin office follow a local supplement where the two differ.',
    },
    {
      id: 'faq#3',
      title: 'help-centre.md',
      text: 'Help centre > Delivery > How long does delivery take?\n\nMost orders arrive within three working days. Remote islands can take longer.',
    },
  ],
};

const figuresKnowledge: OfflineKnowledge = {
  passages: [
    {
      id: 'figures#1',
      title: 'figures.xlsx',
      text:
        'figures.xlsx > Revenue by region\n\n' +
        'Year: 2022; Region: EMEA; Revenue: 1100000\nYear: 2023; Region: EMEA; Revenue: 1234000\nYear: 2023; Region: APAC; Revenue: 800000',
    },
    {
      id: 'figures#0',
      title: 'figures.xlsx',
      text:
        'figures.xlsx > Revenue by region\n\n' +
        'Info: sheet "Revenue by region", 3 rows × 3 columns\n- Year (number): 3 non-empty, 2 distinct; min 2022, max 2023, mean 2022.67, sum 6068\n\n' +
        'Head:\nYear | Region | Revenue\n2022 | EMEA | 1100000',
    },
    {
      id: 'prices#1',
      title: 'price-list.xlsx',
      text: 'price-list.xlsx > Prices\n\nProduct: TrailLite tent; Price (USD): 199; Weight (kg): 1.8\nProduct: Glow lantern; Price (USD): 35; Weight (kg): 0.3',
    },
    {
      id: 'lantern#2',
      title: 'glow-lantern-manual.html',
      text: 'Glow Lantern Manual > Specifications\n\nProperty: Battery life; Value: 40 hours\nProperty: Depth rating; Value: 2 m',
    },
  ],
};

describe('offline responder: heading paths are context, never answers', () => {
  it('answers from the text under a heading and never quotes the heading line', async () => {
    const result = await ask('Who is the managing director of Harbourview?', harbourviewKnowledge);
    expect(result.text).toBe('Priya Nair, Managing Director [1]');
    expect(result.sources.map((source) => source.id)).toEqual(['report#2']);
  });

  it('refuses rather than quote a heading that matches the question', async () => {
    const result = await ask("What is the managing director's salary?", harbourviewKnowledge);
    expect(result.text).toMatch(/^I'm sorry, I couldn't find an answer/);
    expect(result.text).not.toContain(' > ');
  });

  it('lets a question heading tie a paraphrased question to the text below it', async () => {
    const result = await ask('How long will my delivery take?', harbourviewKnowledge);
    expect(result.text).toBe('Most orders arrive within three working days. [1]');
    expect(result.sources.map((source) => source.id)).toEqual(['faq#3']);
  });

  it('never quotes sheet profile lines or a table header row', () => {
    const answer = answerQuestion('What columns does the revenue by region sheet have?', figuresKnowledge);
    expect(answer.text).not.toMatch(/non-empty|Info: sheet|Year \| Region/);
  });
});

describe('offline responder: table and spreadsheet rows', () => {
  it('answers with the asked cell of the row the question names', async () => {
    const result = await ask('What was revenue in EMEA in 2023?', figuresKnowledge);
    expect(result.text).toBe('Revenue for EMEA in 2023 was 1234000. [1]');
    expect(result.sources[0]).toMatchObject({ id: 'figures#1' });
  });

  it('reads a property table row as "property: value"', async () => {
    const result = await ask("What is the Glow lantern's depth rating?", figuresKnowledge);
    expect(result.text).toBe('Depth rating: 2 m [1]');
  });

  it('gives a product row the column asked for', async () => {
    const result = await ask('How much does the TrailLite tent cost?', figuresKnowledge);
    expect(result.text).toBe('Price (USD) for TrailLite tent is 199. [1]');
  });
});

describe('offline responder: specific terms and near misses', () => {
  it.each([
    ['How many weeks of partner leave do staff in the Dublin office get?', harbourviewKnowledge],
    ['How many weeks of partner leave do staff in Madrid get?', harbourviewKnowledge],
    ['What is the price of the TrailLite Pro tent?', figuresKnowledge],
    ['How long does the battery of the TrailLite tent last?', figuresKnowledge],
    ['What was revenue in EMEA in 2021?', figuresKnowledge],
  ])('refuses %j instead of answering from a neighbouring fact', async (question, knowledge) => {
    const result = await ask(question, knowledge);
    expect(result.text).toBe(
      "I'm sorry, I couldn't find an answer to that in the documents I have, so I'd rather not guess. Could you rephrase your question, or ask about something else?",
    );
    expect(result.sources).toEqual([]);
  });

  it('answers the same question when it names nothing the passages lack', async () => {
    const result = await ask('How many weeks of partner leave do staff get?', harbourviewKnowledge);
    expect(result.text).toBe('A partner receives six weeks of full pay after a birth or adoption. [1]');
  });
});

describe('offline responder: paraphrases and the kind of answer asked for', () => {
  it.each([
    ['How many people work there?', 'The company employs 1,240 staff across three sites. [1]'],
    ['When was Harbourview founded?', 'Harbourview was founded in 1998 in Leeds. [1]'],
    ['In how many countries are the lamps on sale?', 'Our lamps are sold in 30 countries. [1]'],
  ])('answers %j', async (question, expected) => {
    const result = await ask(question, harbourviewKnowledge);
    expect(result.text).toBe(expected);
    expect(result.sources.map((source) => source.id)).toEqual(['about#1']);
  });

  it('does not count "the two" as a figure for a "how many" question', () => {
    const answer = answerQuestion('How many staff work in the Dublin office?', harbourviewKnowledge);
    expect(answer.kind).toBe('no-answer');
  });
});
