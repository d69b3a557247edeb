import type { LanguageModelV3Source, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { OfflineCitation } from './cited-answer.js';

/** Words per streamed text delta: enough to look like typing, few enough to stay responsive. */
const wordsPerDelta = 3;

/** A citation as the AI SDK's document source, with Docent's extra fields in provider metadata. */
export function citationSource(citation: OfflineCitation): LanguageModelV3Source {
  const { id, title, ...details } = citation;
  return {
    type: 'source',
    sourceType: 'document',
    id,
    mediaType: 'text/plain',
    title,
    providerMetadata: { docent: details },
  };
}

/** Splits text into deltas of a few words, keeping all whitespace so they join back exactly. */
export function textDeltas(text: string): string[] {
  const pieces = text.match(/\s*\S+\s*/g) ?? [];
  const deltas: string[] = [];
  for (let index = 0; index < pieces.length; index += wordsPerDelta) {
    deltas.push(pieces.slice(index, index + wordsPerDelta).join(''));
  }
  return deltas;
}

/** The text of an answer as one text block of the V3 stream protocol. */
export function textParts(id: string, text: string): LanguageModelV3StreamPart[] {
  return [
    { type: 'text-start', id },
    ...textDeltas(text).map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id, delta })),
    { type: 'text-end', id },
  ];
}

/** A stream that hands out prepared parts one per read and stops when the call is aborted. */
export function streamOfParts(
  parts: readonly LanguageModelV3StreamPart[],
  abortSignal: AbortSignal | undefined,
): ReadableStream<LanguageModelV3StreamPart> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (abortSignal?.aborted) {
        controller.error(abortSignal.reason);
        return;
      }
      const part = parts[index++];
      if (part) controller.enqueue(part);
      else controller.close();
    },
  });
}
