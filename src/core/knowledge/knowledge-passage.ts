import type { ChunkLocation } from '../../ingest/chunker.js';
import type { SourceKind } from './knowledge-source.js';

/**
 * One retrieved passage, ready to cite. It fits the prompt's `ContextPassage` and the offline
 * responder's `OfflinePassage` as it is: `index` is the [n] the answer cites, `location` the
 * "where" in words; `position` keeps the same location as data for UIs.
 */
export interface KnowledgePassage {
  /** The chunk's id. */
  id: string;
  /** 1-based citation number, in order of relevance. */
  index: number;
  /** The source's name: file name, item title or page title. */
  title: string;
  location?: string;
  url?: string;
  text: string;
  /** Relevance: fused hybrid score in [0, 1], or the reranker's score when reranking is on. */
  score: number;
  knowledgeBaseId: string;
  source: { kind: SourceKind; id: string };
  position: ChunkLocation;
}

export interface RetrievedKnowledge {
  passages: KnowledgePassage[];
  /** How many knowledge bases were searched: zero means the chatbot has none attached. */
  knowledgeBaseCount: number;
}
