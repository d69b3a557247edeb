import type { FastifyInstance } from 'fastify';

export interface ApiRequest {
  token?: string;
  /** A JSON body. */
  body?: object;
  /** A raw body, sent with the given headers (a multipart upload). */
  payload?: Buffer;
  headers?: Record<string, string>;
}

/** Thrown when the app answers with a status the caller did not expect. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`${method} ${url} answered ${status}: ${responseText.slice(0, 500)}`);
    this.name = 'ApiError';
  }
}

/** Calls the native API through `app.inject` and unwraps seed 004's `{ status, data }` envelope. */
export class ApiClient {
  constructor(private readonly app: FastifyInstance) {}

  /** The response's `data`, when the status is the expected one. */
  async data<Data = unknown>(method: string, url: string, expectedStatus: number, request: ApiRequest = {}): Promise<Data> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const payload = request.payload ?? request.body;
    const response = await this.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers,
      ...(payload !== undefined && { payload }),
    });
    if (response.statusCode !== expectedStatus) throw new ApiError(method, url, response.statusCode, response.body);
    const envelope = response.json() as { data?: Data };
    return envelope.data as Data;
  }
}
