import { join } from 'node:path';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { Store } from '../../storage/store.js';
import type { ProviderCredentials } from '../providers/provider-credentials.js';
import { ChunkEmbedding } from './chunk-embedding.js';
import { ChunkStager } from './chunk-staging.js';
import { DenseIndex } from './dense-index.js';
import { FullTextIndexer } from './full-text-indexer.js';
import { SparseIndex } from './sparse-index.js';
import { SparseIndexSnapshots } from './sparse-index-snapshots.js';
import { EmbeddingModels } from './embedding-models.js';
import {
  ingestSourceJobName,
  reindexKnowledgeBaseJobName,
  type IngestSourcePayload,
  type ReindexKnowledgeBasePayload,
} from './ingestion-jobs.js';
import { IngestionPipeline } from './ingestion-pipeline.js';
import { IngestionScheduler } from './ingestion-scheduler.js';
import { KnowledgeBaseService } from './knowledge-base-service.js';
import { KnowledgeFileService } from './knowledge-file-service.js';
import { KnowledgeItemService } from './knowledge-item-service.js';
import { KnowledgeLinkService } from './knowledge-link-service.js';
import { KnowledgeRetriever } from './knowledge-retriever.js';
import { createLinkCrawler, type CrawlLimits, type LinkFetcher } from './link-fetcher.js';
import { LinkIngestion } from './link-ingestion.js';
import { LinkResync } from './link-resync.js';
import { SourceDocuments } from './source-documents.js';
import { SourceRemoval } from './source-removal.js';
import { TaskService } from './task-service.js';

/** Largest upload accepted by default: the ingest library's own file limit. */
export const defaultMaximumUploadBytes = 50 * 1024 * 1024;

/** How often, by default, the re-sync scheduler looks for links that are due. */
export const defaultResyncIntervalMs = 60_000;

export interface KnowledgeModuleOptions {
  store: Store;
  jobs: JobQueue;
  blobs: BlobStorage;
  credentials: ProviderCredentials;
  allowedPrivateHosts: readonly string[];
  maximumUploadBytes?: number | undefined;
  /** How often the re-sync scheduler looks for due links, in milliseconds; 0 leaves it to `linkResync.runOnce()`. */
  resyncIntervalMs?: number | undefined;
  /** Depth and page limits of one crawl; the crawler's defaults otherwise. */
  crawlLimits?: CrawlLimits | undefined;
  /** How links are synced. Default: the same-site crawler, through the guarded client. */
  linkFetcher?: LinkFetcher | undefined;
  /** Where in-process search indexes are kept across restarts; nowhere when unset. */
  indexDirectory?: string | undefined;
  /** Where errors go that belong to no request, such as a failed status write after a job failed. */
  onError: (error: unknown) => void;
}

/** Everything the knowledge feature offers to API surfaces and to conversations. */
export interface KnowledgeServices {
  knowledgeBases: KnowledgeBaseService;
  files: KnowledgeFileService;
  items: KnowledgeItemService;
  links: KnowledgeLinkService;
  /** Search, and `retrieveForChatbot` to ground a conversation's answers. */
  retriever: KnowledgeRetriever;
  tasks: TaskService;
  /** Scheduled link re-syncs: start it after the job queue starts, stop it before the queue closes. */
  linkResync: LinkResync;
  /** Re-establishes "every unfinished source has its job"; run once the job queue has started. */
  reconcile(): Promise<void>;
  /** The database's full-text index, filled behind ingestion: start it once the app is ready. */
  fullText: FullTextIndexer;
  /** Finishes background index work (snapshot writes, a full-text batch); run when the app closes. */
  close(): Promise<void>;
}

/**
 * Wires the knowledge feature and registers its jobs on the queue (which must not have started
 * yet). A job that ends in FAILURE, however it got there (a permanent error, retries used up, a
 * job killed too often), marks its source FAILURE with the job's reason.
 */
export function createKnowledgeServices(options: KnowledgeModuleOptions): KnowledgeServices {
  const { store, jobs, blobs } = options;
  const maximumUploadBytes = options.maximumUploadBytes ?? defaultMaximumUploadBytes;
  const denseIndex = new DenseIndex(store);
  const sparseIndex = new SparseIndex(store, {
    snapshots: options.indexDirectory === undefined ? undefined : new SparseIndexSnapshots(join(options.indexDirectory, 'bm25')),
    onError: options.onError,
  });
  const fullText = new FullTextIndexer(store, { onError: options.onError });
  const embeddingModels = new EmbeddingModels(options.credentials, { allowedPrivateHosts: options.allowedPrivateHosts });
  const scheduler = new IngestionScheduler(store, jobs);
  const removal = new SourceRemoval(store, blobs, denseIndex);
  const linkFetcher =
    options.linkFetcher ?? createLinkCrawler({ allowedPrivateHosts: options.allowedPrivateHosts, limits: options.crawlLimits });
  const chunkEmbedding = new ChunkEmbedding(embeddingModels);
  const stager = new ChunkStager(store);
  const pipeline = new IngestionPipeline(
    store,
    new SourceDocuments(blobs, maximumUploadBytes),
    new LinkIngestion(store, linkFetcher, chunkEmbedding, stager, denseIndex),
    chunkEmbedding,
    stager,
    denseIndex,
  );

  jobs.register<IngestSourcePayload>(ingestSourceJobName, (payload, context) => fullText.whileIngesting(() => pipeline.run(payload, context)), {
    concurrency: 2,
    attempts: 3,
    timeoutMs: 10 * 60_000,
  });
  jobs.register<ReindexKnowledgeBasePayload>(reindexKnowledgeBaseJobName, (payload) => scheduler.reconcile(payload.knowledgeBaseId));
  jobs.onEvent((event) => {
    if (event.type !== 'job-failed' || event.job.name !== ingestSourceJobName) return;
    const { kind, sourceId } = event.job.payload as IngestSourcePayload;
    const reason = event.job.failureReason ?? 'Ingestion failed';
    store.knowledgeSources
      .setStatusForTask(kind, sourceId, event.job.id, 'FAILURE', reason, event.job.updatedAt)
      .catch(options.onError);
  });

  return {
    knowledgeBases: new KnowledgeBaseService(store, blobs, scheduler, embeddingModels, [denseIndex, sparseIndex]),
    files: new KnowledgeFileService(store, blobs, scheduler, removal, maximumUploadBytes),
    items: new KnowledgeItemService(store, scheduler, removal),
    links: new KnowledgeLinkService(store, scheduler, removal),
    retriever: new KnowledgeRetriever(store, denseIndex, sparseIndex, embeddingModels),
    tasks: new TaskService(jobs),
    linkResync: new LinkResync(store, scheduler, {
      intervalMs: options.resyncIntervalMs ?? defaultResyncIntervalMs,
      onError: options.onError,
    }),
    reconcile: () => scheduler.reconcile(),
    fullText,
    close: async () => {
      await Promise.all([sparseIndex.close(), fullText.close()]);
    },
  };
}
