import type { ChatSource } from '../../llm/chat-stream-event.js';
import type { KnowledgePassage, RetrievedKnowledge } from '../knowledge/knowledge-passage.js';

/** Finds the passages of a chatbot's knowledge bases that bear on a question. */
export type RetrieveKnowledge = (ownerId: string, chatbotId: string, question: string) => Promise<RetrievedKnowledge>;

const snippetLength = 240;

/** A passage as a citation: what the reader needs to find it again. */
export function passageSource(passage: KnowledgePassage): ChatSource {
  const snippet = passage.text.length > snippetLength ? `${passage.text.slice(0, snippetLength).trimEnd()}…` : passage.text;
  return {
    id: passage.id,
    title: passage.title,
    ...(passage.url !== undefined && { url: passage.url }),
    ...(passage.location !== undefined && { location: passage.location }),
    snippet,
  };
}

/**
 * The passages an answer cites with [n] markers, in order of first mention. Remote models cite
 * by number as the system prompt asks; the offline responder emits its sources itself.
 */
export function citedPassages(answer: string, passages: readonly KnowledgePassage[]): KnowledgePassage[] {
  const byIndex = new Map(passages.map((passage) => [passage.index, passage]));
  const cited: KnowledgePassage[] = [];
  for (const match of answer.matchAll(/\[(\d{1,3})\]/g)) {
    const passage = byIndex.get(Number(match[1]));
    if (passage && !cited.includes(passage)) cited.push(passage);
  }
  return cited;
}
