import { describe, expect, it } from 'vitest';
import { assertSafeArchive } from '../../src/ingest/archive-guard.js';
import { defaultArchiveLimits } from '../../src/ingest/extraction-options.js';
import { IngestError } from '../../src/ingest/ingest-error.js';
import { compressionBombDocx, lyingHeaderDocx, manyEntriesXlsx, pathTraversalDocx } from './fixtures/hostile-files.js';
import { contractDocx } from './fixtures/sample-documents.js';

async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('assertSafeArchive', () => {
  it('accepts an ordinary Word document and reports its inventory', async () => {
    const inventory = await assertSafeArchive(contractDocx(), defaultArchiveLimits);
    expect(inventory.entryCount).toBe(6);
    expect(inventory.totalUncompressedBytes).toBeGreaterThan(1_000);
  });

  it('refuses an entry with an extreme compression ratio from the central directory alone', async () => {
    const bomb = compressionBombDocx();
    const started = performance.now();
    const error = await rejection(assertSafeArchive(bomb, defaultArchiveLimits));
    expect(error.reason).toBe('archive-rejected');
    expect(error.message).toMatch(/word\/document\.xml" expands \d+:1 to 67108864 bytes \(limit 100:1\)/);
    // Refused from the directory: inflating 64 MB would take far longer.
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses too many entries before reading any of them', async () => {
    const error = await rejection(assertSafeArchive(manyEntriesXlsx(3_000), defaultArchiveLimits));
    expect(error.reason).toBe('archive-rejected');
    expect(error.message).toContain('3001 entries (limit 2000)');
  });

  it('refuses a total inflated size over the limit', async () => {
    const error = await rejection(
      assertSafeArchive(contractDocx(), { ...defaultArchiveLimits, maximumTotalUncompressedBytes: 1_000 }),
    );
    expect(error.message).toContain('inflate to more than 1000 bytes');
  });

  it('refuses entries whose headers understate their size, while inflating only what was declared', async () => {
    const error = await rejection(assertSafeArchive(lyingHeaderDocx(), defaultArchiveLimits));
    expect(error.reason).toBe('archive-rejected');
    expect(error.message).toContain('more bytes than its header declares (1024)');
  });

  it('refuses entry names that escape the archive', async () => {
    const error = await rejection(assertSafeArchive(pathTraversalDocx(), defaultArchiveLimits));
    expect(error.message).toContain('"../../etc/cron.d/evil" has an unsafe path');
  });

  it('reports a truncated container as corrupt', async () => {
    const truncated = contractDocx().subarray(0, 400);
    const error = await rejection(assertSafeArchive(truncated, defaultArchiveLimits));
    expect(error.reason).toBe('corrupt');
  });
});
