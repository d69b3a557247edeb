import type { EvidenceSentence, EvidenceSource } from './evidence.js';

/** A passage an answer quotes, with the quoted sentences as its snippet. */
export interface OfflineCitation {
  id: string;
  title: string;
  location?: string;
  url?: string;
  snippet: string;
}

export interface CitedAnswer {
  text: string;
  citations: OfflineCitation[];
}

/**
 * Joins chosen sentences into an answer, keeping document order, and marks each run of
 * sentences from one passage with that passage's number ("… 30 days. [1]"), numbered in the
 * order passages first appear. FAQ sentences have no passage and get no marker.
 */
export function composeCitedAnswer(sentences: readonly EvidenceSentence[], sources: readonly EvidenceSource[]): CitedAnswer {
  const runs: { sourceIndex: number; texts: string[] }[] = [];
  for (const sentence of sentences) {
    const run = runs.at(-1);
    if (run?.sourceIndex === sentence.sourceIndex) run.texts.push(sentence.text);
    else runs.push({ sourceIndex: sentence.sourceIndex, texts: [sentence.text] });
  }
  const citations: OfflineCitation[] = [];
  const parts = runs.map(({ sourceIndex, texts }) => {
    const text = texts.join(' ');
    const source = sources[sourceIndex];
    if (!source?.id) return text;
    let number = citations.findIndex((citation) => citation.id === source.id) + 1;
    if (number === 0) {
      citations.push(citationOf(source, source.id, text));
      number = citations.length;
    } else {
      const citation = citations[number - 1];
      if (citation) citation.snippet += ` … ${text}`;
    }
    return `${text} [${number}]`;
  });
  return { text: parts.join(' '), citations };
}

function citationOf(source: EvidenceSource, id: string, snippet: string): OfflineCitation {
  return {
    id,
    title: source.title,
    ...(source.location && { location: source.location }),
    ...(source.url && { url: source.url }),
    snippet,
  };
}
