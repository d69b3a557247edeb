import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  annualReportPdf,
  corruptPdf,
  multipartFile,
  officesWorkbook,
  gzipArchive,
  restatedReportPdf,
} from '../core/knowledge/knowledge-fixtures.js';

interface FileBody {
  id: string;
  name: string;
  kind: 'document' | 'spreadsheet';
  documentType: string;
  status: string;
  failureReason: string | null;
  taskId: string;
  chunkCount: number;
  summary: string | null;
}

interface PassageBody {
  title: string;
  text: string;
  location?: string;
  position: { page?: number; sheet?: string; row?: number; rowEnd?: number };
  source: { kind: string; id: string };
}

describe.each(backends)('knowledge files on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let knowledgeBaseId: string;

  const upload = async (name: string, bytes: Buffer, url = `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, method = 'POST') => {
    const { body, headers } = multipartFile(name, bytes);
    return t.request(method, url, { token, body, headers });
  };
  const uploaded = async (name: string, bytes: Buffer): Promise<FileBody> => {
    const response = await upload(name, bytes);
    expect(response.status, response.text).toBe(201);
    return response.body.data.file;
  };
  const taskOf = async (taskId: string) => (await t.request('GET', `/api/v1/tasks/${taskId}`, { token })).body.data.task;
  const settled = async (taskId: string) =>
    vi.waitFor(
      async () => {
        const task = await taskOf(taskId);
        expect(['SUCCESS', 'FAILURE']).toContain(task.status);
        return task;
      },
      { timeout: 20_000, interval: 50 },
    );
  const fileState = async (fileId: string): Promise<FileBody> =>
    (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files/${fileId}`, { token })).body.data.file;
  const processed = async (file: FileBody): Promise<FileBody> => {
    await settled(file.taskId);
    return vi.waitFor(
      async () => {
        const state = await fileState(file.id);
        expect(['SUCCESS', 'FAILURE']).toContain(state.status);
        return state;
      },
      { timeout: 5_000, interval: 25 },
    );
  };
  const search = async (q: string, extra = ''): Promise<PassageBody[]> => {
    const response = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/search?q=${encodeURIComponent(q)}${extra}`, { token });
    expect(response.status, response.text).toBe(200);
    return response.body.data;
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('filer')).accessToken;
  });
  beforeEach(async () => {
    const response = await t.request('POST', '/api/v1/knowledge-bases', { token, body: { name: 'Reports' } });
    knowledgeBaseId = response.body.data.knowledgeBase.id;
  });
  afterAll(() => t.close());

  it('ingests a PDF in the background and finds the passage on the right page', async () => {
    const file = await uploaded('annual-report-2023.pdf', annualReportPdf());
    expect(file).toMatchObject({ name: 'annual-report-2023.pdf', kind: 'document', documentType: 'pdf' });
    // Read back after the job was queued, which may already have picked it up.
    expect(file.status).toBeOneOf(['PENDING', 'STARTED', 'SUCCESS']);
    const task = await settled(file.taskId);
    expect(task).toMatchObject({ status: 'SUCCESS', progress: 1, result: { outcome: 'indexed' } });
    expect((await fileState(file.id)).status).toBe('SUCCESS');

    for (const method of ['hybrid', 'sparse', 'dense']) {
      const [best] = await search('How much did revenue grow?', `&method=${method}`);
      expect(best, method).toMatchObject({ title: 'annual-report-2023.pdf', location: expect.stringContaining('page 2') });
      expect(best?.position.page).toBe(2);
      expect(best?.text).toContain('4.2 billion euros');
      expect(best?.source).toEqual({ kind: 'file', id: file.id });
    }
  });

  it('ingests a spreadsheet: counted apart, summarised, rows cited by sheet and row', async () => {
    const file = await uploaded('offices.xlsx', await officesWorkbook());
    expect(file).toMatchObject({ kind: 'spreadsheet', documentType: 'xlsx' });
    const done = await processed(file);
    expect(done.status).toBe('SUCCESS');
    expect(done.summary).toContain('Info: sheet "Regions", 4 rows');

    const knowledgeBase = (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}`, { token })).body.data.knowledgeBase;
    expect(knowledgeBase).toMatchObject({ filesCount: 0, spreadsheetsCount: 1 });
    const spreadsheets = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files?kind=spreadsheet`, { token });
    expect(spreadsheets.body.data.map((entry: FileBody) => entry.id)).toEqual([file.id]);

    const passages = await search('Lisbon headcount', '&method=sparse');
    const row = passages.find((passage) => passage.text.includes('Lisbon') && passage.position.row !== undefined);
    expect(row?.position.sheet).toBe('Regions');
    expect(row!.position.row).toBeLessThanOrEqual(4);
    expect(row!.position.rowEnd ?? row!.position.row).toBeGreaterThanOrEqual(4);
  });

  it('gives back the existing file with 200 when the same bytes are uploaded again', async () => {
    const first = await uploaded('report.pdf', annualReportPdf());
    const again = await upload('copy-of-report.pdf', annualReportPdf());
    expect(again.status).toBe(200);
    expect(again.body.data.file.id).toBe(first.id);
    expect(again.body.data.file.name).toBe('report.pdf');
    const list = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token });
    expect(list.body.data).toHaveLength(1);
  });

  it('refreshes a file by re-upload: the new content replaces the old chunks', async () => {
    const file = await uploaded('report.pdf', annualReportPdf());
    await processed(file);
    expect(await search('turbine revenue')).not.toHaveLength(0);

    const refreshed = await upload('report.pdf', restatedReportPdf(), `/api/v1/knowledge-bases/${knowledgeBaseId}/files/${file.id}`, 'PUT');
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.body.data.file.id).toBe(file.id);
    expect(refreshed.body.data.file.taskId).not.toBe(file.taskId);
    expect((await processed(refreshed.body.data.file)).status).toBe('SUCCESS');

    expect(await search('turbine', '&method=sparse')).toEqual([]);
    const [best] = await search('gearbox division loss');
    expect(best?.text).toContain('80 million euros');
  });

  it('deletes a file with its chunks, so search no longer finds it', async () => {
    const file = await uploaded('report.pdf', annualReportPdf());
    await processed(file);
    expect((await search('turbine revenue')).length).toBeGreaterThan(0);
    const deleted = await t.request('DELETE', `/api/v1/knowledge-bases/${knowledgeBaseId}/files/${file.id}`, { token });
    expect(deleted.status).toBe(200);
    for (const method of ['hybrid', 'sparse', 'dense']) {
      expect(await search('turbine revenue', `&method=${method}`), method).toEqual([]);
    }
    expect((await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files/${file.id}`, { token })).status).toBe(404);
  });

  it('fails a corrupt PDF with a reason while a good file in the same knowledge base succeeds', async () => {
    const bad = await uploaded('broken.pdf', corruptPdf());
    const good = await uploaded('report.pdf', annualReportPdf());
    const [badDone, goodDone] = await Promise.all([processed(bad), processed(good)]);
    expect(badDone).toMatchObject({ status: 'FAILURE', failureReason: expect.stringMatching(/PDF/) });
    expect(await taskOf(bad.taskId)).toMatchObject({ status: 'FAILURE', failureReason: badDone.failureReason });
    expect(goodDone.status).toBe('SUCCESS');
    expect((await search('revenue grew')).length).toBeGreaterThan(0);
  });

  it('refuses content of an unsupported type, whatever its name says', async () => {
    const response = await upload('notes.pdf', gzipArchive());
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR', message: expect.stringMatching(/archive/i) });
    expect((await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token })).body.data).toEqual([]);
  });

  it('refuses a request without a file part', async () => {
    const { body, headers } = multipartFile('report.pdf', annualReportPdf(), 'document');
    const response = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token, body, headers });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/"file"/);
  });

  it('answers 413 for a file over the upload limit', async () => {
    const limit = t.app.services.knowledge.files.maximumUploadBytes;
    const response = await upload('huge.txt', Buffer.alloc(limit + 1024, 'a'));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ status: 'error', message: expect.stringMatching(/limit/) });
    expect((await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token })).body.data).toEqual([]);
  });
});
