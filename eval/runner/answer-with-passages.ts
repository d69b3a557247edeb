import { collectChatTurn } from '../../src/llm/collect-chat-turn.js';
import { offlineProviderOptions, type OfflinePassage } from '../../src/llm/offline/offline-knowledge.js';
import { OfflineLanguageModel } from '../../src/llm/offline/offline-language-model.js';
import type { RetrievedPassage } from '../scoring/retrieved-passage.js';

const model = new OfflineLanguageModel();

/**
 * Asks the offline responder one question grounded in the given passages, the way a
 * conversation turn grounds it: the passages travel in `providerOptions.docent`.
 */
export async function answerWithPassages(question: string, passages: readonly RetrievedPassage[]): Promise<string> {
  const offlinePassages: OfflinePassage[] = passages.map((passage, index) => ({
    id: String(index + 1),
    title: passage.title,
    text: passage.text,
  }));
  const result = await collectChatTurn({
    model,
    messages: [{ role: 'user', content: question }],
    providerOptions: offlineProviderOptions({ passages: offlinePassages }),
  });
  if (result.error) throw new Error(`The offline responder failed on "${question}": ${result.error.message}`);
  return result.text;
}
