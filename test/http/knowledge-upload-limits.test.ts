import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chunkDocumentIsolated } from '../../src/ingest/isolated-extraction.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { annualReportPdf, corruptPdf, multipartFile } from '../core/knowledge/knowledge-fixtures.js';

// Calls through to the real isolated chunker, so the test can see that uploads are parsed there.
vi.mock('../../src/ingest/isolated-extraction.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/ingest/isolated-extraction.js')>();
  return { ...actual, chunkDocumentIsolated: vi.fn(actual.chunkDocumentIsolated) };
});

const uploadLimitBytes = 1024 * 1024;

/** UPLOAD_LIMIT_BYTES, and uploads parsed in the resource-limited worker (SECURITY §5). */
describe.each(backends)('upload limits and isolated extraction on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let knowledgeBaseId: string;

  const upload = async (name: string, bytes: Buffer) => {
    const { body, headers } = multipartFile(name, bytes);
    return t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token, body, headers });
  };
  const files = async () => (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token })).body.data;
  const processed = async (fileId: string) =>
    vi.waitFor(
      async () => {
        const file = (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files/${fileId}`, { token })).body.data.file;
        expect(['SUCCESS', 'FAILURE']).toContain(file.status);
        return file;
      },
      { timeout: 20_000, interval: 50 },
    );
  const storedBlobs = () =>
    readdirSync(join(t.config.dataDir, 'blobs'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

  beforeAll(async () => {
    t = await createTestApp(backend, { UPLOAD_LIMIT_BYTES: String(uploadLimitBytes) });
    token = (await t.signUp('uploader')).accessToken;
    knowledgeBaseId = (await t.request('POST', '/api/v1/knowledge-bases', { token, body: { name: 'Uploads' } })).body.data.knowledgeBase.id;
  });
  afterAll(() => t.close());

  it('answers 413 in the error envelope for a file over UPLOAD_LIMIT_BYTES and stores nothing', async () => {
    expect(t.app.services.knowledge.files.maximumUploadBytes).toBe(uploadLimitBytes);
    const response = await upload('huge.txt', Buffer.alloc(uploadLimitBytes + 1, 'a'));
    expect(response.status).toBe(413);
    const message = expect.stringContaining(`${uploadLimitBytes} bytes`);
    expect(response.body).toEqual({ status: 'error', code: 'VALIDATION_ERROR', message });
    expect(await files()).toEqual([]);
    expect(storedBlobs()).toEqual([]);

    const atLimit = await upload('notes.txt', Buffer.alloc(uploadLimitBytes, 'word '));
    expect(atLimit.status, atLimit.text).toBe(201);
  });

  it('parses uploads in the isolated extractor: a corrupt file fails with its reason and the server keeps serving', async () => {
    const bad = await upload('broken.pdf', corruptPdf());
    expect(bad.status, bad.text).toBe(201);
    const failed = await processed(bad.body.data.file.id);
    expect(failed).toMatchObject({ status: 'FAILURE', failureReason: expect.stringMatching(/PDF/) });
    expect(chunkDocumentIsolated).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'broken.pdf', path: expect.any(String) }),
      expect.objectContaining({ maximumBytes: uploadLimitBytes }),
    );

    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
    const good = await upload('report.pdf', annualReportPdf());
    expect((await processed(good.body.data.file.id)).status).toBe('SUCCESS');
    const search = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/search?q=revenue`, { token });
    expect(search.body.data[0]?.title).toBe('report.pdf');
  });
});
