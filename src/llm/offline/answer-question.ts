import { composeCitedAnswer, type OfflineCitation } from './cited-answer.js';
import { evidenceSources, gatherEvidence } from './evidence.js';
import { matchFaq } from './faq-matcher.js';
import type { OfflineKnowledge } from './offline-knowledge.js';
import { emptyQuestionReply, noAnswerReply, noKnowledgeReply, smallTalkReply } from './replies.js';
import { analyseQuestion } from './question-analysis.js';
import { rowAnswer } from './row-answer.js';
import { selectEvidence } from './sentence-selection.js';
import { readSmallTalk } from './small-talk.js';
import { contentTerms } from './text-analysis.js';

export type OfflineAnswerKind = 'small-talk' | 'faq' | 'documents' | 'no-answer' | 'no-knowledge' | 'empty-question';

export interface OfflineAnswer {
  kind: OfflineAnswerKind;
  text: string;
  citations: OfflineCitation[];
}

/**
 * Answers one question by extraction only: small talk gets a social reply, a question close to
 * a stored FAQ question gets its stored answer, otherwise the best-supported sentences of the
 * passages are quoted with citations. When nothing supports an answer well enough it says so;
 * it never composes facts that are not in its knowledge.
 */
export function answerQuestion(message: string, knowledge: OfflineKnowledge): OfflineAnswer {
  const reading = readSmallTalk(message, knowledge.agentName);
  if (reading.kind) return reply('small-talk', smallTalkReply(reading.kind, knowledge));

  // The assistant's and organisation's own names are implied by every question; a document
  // that never repeats them must still be able to answer "What is Acme's refund policy?".
  const nameTerms = new Set(contentTerms(`${knowledge.agentName ?? ''} ${knowledge.organisationName ?? ''}`));
  const question = analyseQuestion(reading.question, nameTerms);
  if (question.terms.length === 0) return reply('empty-question', emptyQuestionReply(knowledge));

  const sources = evidenceSources(knowledge);
  if (sources.length === 0) return reply('no-knowledge', noKnowledgeReply(knowledge));

  const faqMatch = matchFaq(reading.question, knowledge.examples ?? []);
  if (faqMatch) return reply('faq', faqMatch.example.answer);

  const evidence = selectEvidence(question, gatherEvidence(sources));
  if (!evidence) return reply('no-answer', noAnswerReply(knowledge));
  // A table row is said from the cells the question asks about, not pasted whole.
  const sentences = evidence.sentences.map((sentence) =>
    sentence.cells ? { ...sentence, text: rowAnswer(sentence.cells, question.terms, sentence.text) } : sentence,
  );
  return { kind: 'documents', ...composeCitedAnswer(sentences, sources) };
}

function reply(kind: OfflineAnswerKind, text: string): OfflineAnswer {
  return { kind, text, citations: [] };
}
