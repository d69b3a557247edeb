import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretBox } from '../../../src/core/crypto/secret-box.js';
import { createKnowledgeServices, type KnowledgeServices } from '../../../src/core/knowledge/knowledge-module.js';
import { ProviderCredentials } from '../../../src/core/providers/provider-credentials.js';
import { InProcessJobQueue } from '../../../src/jobs/in-process-job-queue.js';
import type { BlobStorage } from '../../../src/storage/blobs/blob-storage.js';
import { LocalBlobStorage } from '../../../src/storage/blobs/local-blob-storage.js';
import type { Store } from '../../../src/storage/store.js';
import { openOwnedStore, type OwnedStore } from '../../helpers/knowledge-store.js';
import { backends } from '../../helpers/test-database.js';
import { annualReportPdf, restatedReportPdf } from './knowledge-fixtures.js';

/**
 * A blob storage whose reads, after the first `passingReads`, wait at a gate: the upload's own
 * type check passes, the ingestion job's read stops there, so a test can cut a job half way.
 */
class GatedBlobStorage implements BlobStorage {
  readonly reached: Promise<void>;
  private arrive!: () => void;
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  constructor(
    private readonly inner: BlobStorage,
    private passingReads: number,
  ) {
    this.reached = new Promise((resolve) => (this.arrive = resolve));
  }

  put = (key: string, content: Readable) => this.inner.put(key, content);
  delete = (key: string) => this.inner.delete(key);

  async withLocalFile<T>(key: string, work: (path: string) => Promise<T>): Promise<T> {
    if (this.passingReads > 0) this.passingReads -= 1;
    else {
      this.arrive();
      await this.gate;
    }
    return this.inner.withLocalFile(key, work);
  }

  open(): void {
    this.release();
  }
}

interface Node {
  queue: InProcessJobQueue;
  knowledge: KnowledgeServices;
}

/**
 * SECURITY §9 for ingestion: a process that dies mid-job leaves the previous chunks intact, and
 * the restarted process ends with exactly the chunks an uninterrupted run produces.
 */
describe.each(backends)('ingestion crash safety on %s', (backend) => {
  let owned: OwnedStore;
  let directory: string;
  let store: Store;
  let ownerId: string;
  let nodes: Node[];
  let errors: unknown[];

  function startNode(jobsFile: string, blobs: BlobStorage): Node {
    const queue = new InProcessJobQueue({ path: join(directory, jobsFile), onError: (error) => errors.push(error), shutdownTimeoutMs: 100 });
    const knowledge = createKnowledgeServices({
      store,
      jobs: queue,
      blobs,
      credentials: new ProviderCredentials(store, new SecretBox('a-test-secret-key-that-is-long-enough-0123')),
      allowedPrivateHosts: [],
      onError: (error) => errors.push(error),
    });
    const node = { queue, knowledge };
    nodes.push(node);
    return node;
  }

  async function uploadTo(knowledge: KnowledgeServices, knowledgeBaseId: string, bytes: Buffer, fileId?: string) {
    const upload = { filename: 'report.pdf', content: Readable.from([bytes]) };
    return fileId
      ? knowledge.files.refresh(ownerId, knowledgeBaseId, fileId, upload)
      : (await knowledge.files.upload(ownerId, knowledgeBaseId, upload)).file;
  }

  async function settled(knowledge: KnowledgeServices, knowledgeBaseId: string, fileId: string, taskId: string) {
    return vi.waitFor(
      async () => {
        const file = await knowledge.files.get(ownerId, knowledgeBaseId, fileId);
        expect(file.taskId).toBe(taskId);
        expect(file.status).toBe('SUCCESS');
        return file;
      },
      { timeout: 15_000, interval: 50 },
    );
  }

  async function chunksOf(fileId: string) {
    const rows = await store.knowledgeChunks.listBySource('file', fileId);
    return rows.map(({ ordinal, text, tokenCount, location, embeddingModel }) => ({ ordinal, text, tokenCount, location, embeddingModel }));
  }

  beforeEach(async () => {
    owned = await openOwnedStore(backend, 'crash-owner');
    ({ directory, store, ownerId } = owned);
    nodes = [];
    errors = [];
  });

  afterEach(async () => {
    for (const node of nodes) {
      await node.queue.close();
      await node.knowledge.close();
    }
    await owned.close();
    expect(errors).toEqual([]);
  });

  it('keeps the old chunks through a crash mid-job and ends with exactly the chunks of an uninterrupted run', async () => {
    const blobs = new LocalBlobStorage(join(directory, 'blobs'));

    // The reference: version 1 then version 2 of a file, ingested without interruption.
    const reference = startNode('reference-jobs.sqlite', blobs);
    await reference.queue.start();
    const referenceBase = await reference.knowledge.knowledgeBases.create(ownerId, { name: 'Reference' });
    const referenceFile = await uploadTo(reference.knowledge, referenceBase.id, annualReportPdf());
    await settled(reference.knowledge, referenceBase.id, referenceFile.id, referenceFile.taskId!);
    const referenceRefresh = await uploadTo(reference.knowledge, referenceBase.id, restatedReportPdf(), referenceFile.id);
    await settled(reference.knowledge, referenceBase.id, referenceFile.id, referenceRefresh.taskId!);
    const expected = await chunksOf(referenceFile.id);
    expect(expected.length).toBeGreaterThan(0);

    // Version 1 indexed, then the process dies while ingesting version 2.
    const doomed = startNode('jobs.sqlite', blobs);
    await doomed.queue.start();
    const knowledgeBase = await doomed.knowledge.knowledgeBases.create(ownerId, { name: 'Crashing' });
    const file = await uploadTo(doomed.knowledge, knowledgeBase.id, annualReportPdf());
    await settled(doomed.knowledge, knowledgeBase.id, file.id, file.taskId!);
    const versionOne = await chunksOf(file.id);

    const stalled = new GatedBlobStorage(blobs, 1);
    const crashing = startNode('jobs.sqlite', stalled);
    await doomed.queue.close();
    await crashing.queue.start();
    const refresh = await uploadTo(crashing.knowledge, knowledgeBase.id, restatedReportPdf(), file.id);
    await stalled.reached;
    expect((await crashing.knowledge.files.get(ownerId, knowledgeBase.id, file.id)).status).toBe('STARTED');
    await crashing.queue.close();
    stalled.open();
    expect(await chunksOf(file.id)).toEqual(versionOne);

    // A new process on the same job store and database picks the job up again.
    const restarted = startNode('jobs.sqlite', blobs);
    await restarted.queue.start();
    await restarted.knowledge.reconcile();
    const done = await settled(restarted.knowledge, knowledgeBase.id, file.id, refresh.taskId!);
    expect(done.status).toBe('SUCCESS');
    expect(await chunksOf(file.id)).toEqual(expected);
    expect((await restarted.queue.get(refresh.taskId!))?.attempts).toBeGreaterThanOrEqual(2);

    const [best] = await restarted.knowledge.retriever.search(ownerId, knowledgeBase.id, 'gearbox loss');
    expect(best?.text).toContain('80 million euros');
    expect(await store.knowledgeChunkStaging.countTask(refresh.taskId!)).toBe(0);
  });

  it('clears what a crashed attempt staged before staging again, and never lets a search see staged chunks', async () => {
    const blobs = new LocalBlobStorage(join(directory, 'blobs'));
    const reference = startNode('reference-jobs.sqlite', blobs);
    await reference.queue.start();
    const referenceBase = await reference.knowledge.knowledgeBases.create(ownerId, { name: 'Reference' });
    const referenceFile = await uploadTo(reference.knowledge, referenceBase.id, annualReportPdf());
    await settled(reference.knowledge, referenceBase.id, referenceFile.id, referenceFile.taskId!);
    const expected = await chunksOf(referenceFile.id);

    // The job is queued but not yet run; an earlier attempt of it, and an abandoned job for the
    // same file, left staged chunks behind.
    const node = startNode('jobs.sqlite', blobs);
    const knowledgeBase = await node.knowledge.knowledgeBases.create(ownerId, { name: 'Leftovers' });
    const file = await uploadTo(node.knowledge, knowledgeBase.id, annualReportPdf());
    const leftover = (ordinal: number) => ({
      knowledgeBaseId: knowledgeBase.id,
      sourceKind: 'file' as const,
      sourceId: file.id,
      sourceTitle: 'report.pdf',
      sourceUrl: null,
      ordinal,
      text: `Zorbulax leftover ${ordinal} from a crashed attempt.`,
      tokenCount: 9,
      location: '{}',
      embedding: new Float32Array(512).fill(0.04),
      embeddingModel: 'offline',
    });
    await store.knowledgeChunkStaging.insert({ taskId: file.taskId!, attempt: 1 }, [leftover(0), leftover(1)]);
    await store.knowledgeChunkStaging.insert({ taskId: 'an-abandoned-job', attempt: 3 }, [leftover(7)]);
    const leftoverFound = async () =>
      (await node.knowledge.retriever.search(ownerId, knowledgeBase.id, 'zorbulax leftover')).some((hit) => hit.text.includes('Zorbulax'));
    expect(await leftoverFound()).toBe(false);

    await node.queue.start();
    await settled(node.knowledge, knowledgeBase.id, file.id, file.taskId!);
    expect(await chunksOf(file.id)).toEqual(expected);
    expect(await leftoverFound()).toBe(false);
    expect(await store.knowledgeChunkStaging.countTask(file.taskId!)).toBe(0);
    expect(await store.knowledgeChunkStaging.countTask('an-abandoned-job')).toBe(0);
  });
});
