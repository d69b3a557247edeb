import type { PassageLocation, RetrievedPassage } from '../scoring/retrieved-passage.js';
import type { ApiClient } from './api-client.js';
import { contentTypeOf, multipartFileBody } from './multipart-body.js';
import type { RetrievalMethod } from './retrieval-configurations.js';

/** The knowledge base settings the eval reads and changes (seed 003's retrieval settings). */
export interface RetrievalSettings {
  retrievalMethod: RetrievalMethod;
  sparseWeightage: number;
  topK: number;
  rerankingEnabled: boolean;
  topKAfterReranking: number;
}

export interface KnowledgeBaseView extends RetrievalSettings {
  id: string;
}

export interface UploadedFile {
  id: string;
  name: string;
  taskId: string | null;
}

/** The fields of a search result (`Passage` in `knowledge-search-schemas.ts`) that the eval reads. */
interface SearchResult {
  id: string;
  title: string;
  text: string;
  source: { kind: string; id: string };
  position: PassageLocation;
}

type TaskStatus = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE';

/** Drives one user's knowledge base through the native API, as a client of the HTTP surface would. */
export class KnowledgeBaseClient {
  /** Uploaded files' names by id, to tell which document a search result comes from. */
  private readonly fileNames = new Map<string, string>();

  constructor(
    private readonly api: ApiClient,
    private readonly token: string,
  ) {}

  /** Registers and logs in a fresh user. */
  static async forNewUser(api: ApiClient, username: string): Promise<KnowledgeBaseClient> {
    const password = `${username}-password-1`;
    await api.data('POST', '/auth/register', 201, { body: { username, email: `${username}@example.test`, password } });
    const session = await api.data<{ accessToken: string }>('POST', '/auth/login', 200, { body: { username, password } });
    return new KnowledgeBaseClient(api, session.accessToken);
  }

  async create(name: string, description: string): Promise<KnowledgeBaseView> {
    const data = await this.api.data<{ knowledgeBase: KnowledgeBaseView }>('POST', '/knowledge-bases', 201, {
      token: this.token,
      body: { name, description },
    });
    return data.knowledgeBase;
  }

  async update(id: string, settings: Partial<RetrievalSettings>): Promise<KnowledgeBaseView> {
    const data = await this.api.data<{ knowledgeBase: KnowledgeBaseView }>('PUT', `/knowledge-bases/${id}`, 200, {
      token: this.token,
      body: settings,
    });
    return data.knowledgeBase;
  }

  async upload(knowledgeBaseId: string, fileName: string, content: Buffer): Promise<UploadedFile> {
    const { payload, headers } = multipartFileBody('file', fileName, contentTypeOf(fileName), content);
    const data = await this.api.data<{ file: UploadedFile }>('POST', `/knowledge-bases/${knowledgeBaseId}/files`, 201, {
      token: this.token,
      payload,
      headers,
    });
    this.fileNames.set(data.file.id, data.file.name);
    return data.file;
  }

  /** Polls a task until it succeeds; a failed or stuck task is an error, since the eval would be meaningless. */
  async waitForTask(taskId: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { task } = await this.api.data<{ task: { status: TaskStatus; failureReason: string | null } }>(
        'GET',
        `/tasks/${taskId}`,
        200,
        { token: this.token },
      );
      if (task.status === 'SUCCESS') return;
      if (task.status === 'FAILURE') throw new Error(`Task ${taskId} failed: ${task.failureReason ?? 'no reason given'}`);
      if (Date.now() > deadline) throw new Error(`Task ${taskId} is still ${task.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /**
   * Searches with the knowledge base's current settings, overriding the method and the number
   * of passages retrieved (with reranking on, the candidates handed to the reranker).
   */
  async search(knowledgeBaseId: string, question: string, method: RetrievalMethod, topK: number): Promise<RetrievedPassage[]> {
    const query = new URLSearchParams({ q: question, topK: String(topK), method });
    const results = await this.api.data<SearchResult[]>('GET', `/knowledge-bases/${knowledgeBaseId}/search?${query}`, 200, {
      token: this.token,
    });
    return results.map((result) => ({
      document: result.source.kind === 'file' ? this.fileNames.get(result.source.id) : undefined,
      title: result.title,
      text: result.text,
      location: result.position,
    }));
  }
}
