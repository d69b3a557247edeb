import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { countTextTokens, truncateToTokens } from '../token-count.js';
import { answerQuestion } from './answer-question.js';
import { citationSource, streamOfParts, textParts } from './answer-parts.js';
import { readOfflineKnowledge, type OfflineKnowledge } from './offline-knowledge.js';
import { lastUserText, promptText } from './prompt-text.js';
import { unsupportedSettingWarnings } from './unsupported-settings.js';

/** The model id the offline responder reports and lists. */
export const offlineModelId = 'docent-offline';

interface PreparedAnswer {
  text: string;
  sources: ReturnType<typeof citationSource>[];
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
}

/**
 * The built-in responder that answers when no provider is configured: no key, no network. It
 * implements the AI SDK's `LanguageModelV3` so the rest of Docent drives it exactly like a
 * remote model. It answers the last user message by extraction from the knowledge passed in
 * `providerOptions.docent` (see {@link OfflineKnowledge}), citing the passages it quotes.
 */
export class OfflineLanguageModel implements LanguageModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'docent.offline';
  readonly modelId = offlineModelId;
  readonly supportedUrls = {};

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    options.abortSignal?.throwIfAborted();
    const answer = prepareAnswer(options);
    return {
      content: [...(answer.text ? [{ type: 'text' as const, text: answer.text }] : []), ...answer.sources],
      finishReason: answer.finishReason,
      usage: answer.usage,
      warnings: unsupportedSettingWarnings(options),
      response: { modelId: offlineModelId, timestamp: new Date() },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    options.abortSignal?.throwIfAborted();
    const answer = prepareAnswer(options);
    const parts: LanguageModelV3StreamPart[] = [
      { type: 'stream-start', warnings: unsupportedSettingWarnings(options) },
      { type: 'response-metadata', modelId: offlineModelId, timestamp: new Date() },
      ...answer.sources,
      ...textParts('answer', answer.text),
      { type: 'finish', finishReason: answer.finishReason, usage: answer.usage },
    ];
    return { stream: streamOfParts(parts, options.abortSignal) };
  }
}

function prepareAnswer(options: LanguageModelV3CallOptions): PreparedAnswer {
  const knowledge = readOfflineKnowledge(options.providerOptions);
  const answer = answerQuestion(lastUserText(options.prompt), knowledge);
  const { text, truncated } =
    options.maxOutputTokens === undefined ? { text: answer.text, truncated: false } : truncateToTokens(answer.text, options.maxOutputTokens);
  return {
    text,
    sources: answer.citations.map(citationSource),
    finishReason: truncated ? { unified: 'length', raw: 'length' } : { unified: 'stop', raw: 'stop' },
    usage: usageOf(countTextTokens(`${promptText(options.prompt)}\n${knowledgeText(knowledge)}`), countTextTokens(text)),
  };
}

/** The knowledge counts as input: a remote model would have read the same text in its prompt. */
function knowledgeText(knowledge: OfflineKnowledge): string {
  const examples = (knowledge.examples ?? []).map((example) => `${example.question}\n${example.answer}`);
  const passages = (knowledge.passages ?? []).map((passage) => `${passage.title}\n${passage.text}`);
  return [...examples, ...passages].join('\n');
}

function usageOf(inputTokens: number, outputTokens: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: undefined },
  };
}
