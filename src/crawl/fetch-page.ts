import { createHash } from 'node:crypto';
import { decodePage, mediaTypeOf, pageFormatOf, type PageFormat } from './page-body.js';
import { failureFromError, failureFromStatus, type PageFailure } from './page-failure.js';
import { conditionalHeaders, type PageValidators } from './page-validators.js';

export interface FetchPageOptions {
  /** The guarded client (`createGuardedFetch`): the only way the crawler reaches the network. */
  fetch: typeof fetch;
  /** Sent as `User-Agent`; the guarded client's default otherwise. */
  userAgent?: string;
  /** Aborting it rejects `fetchPage` with the signal's reason instead of reporting a failure. */
  signal?: AbortSignal;
  /** Validators from the last sync, sent as a conditional request. */
  previous?: PageValidators;
}

export type FetchPageResult =
  /** The server confirmed the previous sync's copy (304); refreshed validators when it sent any. */
  | { status: 'unchanged'; url: string; etag?: string; lastModified?: string }
  | {
      status: 'fetched';
      /** The final URL, after redirects. */
      url: string;
      format: PageFormat;
      /** The decoded HTML or plain text. */
      body: string;
      etag?: string;
      lastModified?: string;
      /** SHA-256 of the body bytes, in hex. */
      contentHash: string;
    }
  | { status: 'failed'; url: string; failure: PageFailure };

const acceptHeader = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8';

/**
 * Fetches one page through the injected guarded client. It never throws for anything the page
 * or the network did: blocked destinations, timeouts, oversized or non-HTML bodies and HTTP
 * errors all come back as a `failed` result with a reason. Only the caller's abort rejects.
 */
export async function fetchPage(url: string, options: FetchPageOptions): Promise<FetchPageResult> {
  const headers: Record<string, string> = { accept: acceptHeader, ...conditionalHeaders(options.previous) };
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  try {
    const response = await options.fetch(url, { headers, ...(options.signal ? { signal: options.signal } : {}) });
    return await readResponse(url, response, options.previous !== undefined);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    return { status: 'failed', url, failure: failureFromError(error) };
  }
}

async function readResponse(requestedUrl: string, response: Response, conditional: boolean): Promise<FetchPageResult> {
  const url = response.url || requestedUrl;
  const validators = {
    ...optional('etag', response.headers.get('etag')),
    ...optional('lastModified', response.headers.get('last-modified')),
  };
  if (response.status === 304 && conditional) return { status: 'unchanged', url, ...validators };
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel();
    return { status: 'failed', url, failure: failureFromStatus(response.status, response.statusText) };
  }
  const contentType = response.headers.get('content-type');
  const mediaType = mediaTypeOf(contentType);
  if (mediaType !== undefined && pageFormatOf(mediaType) === undefined) {
    await response.body?.cancel();
    return { status: 'failed', url, failure: notHtml(`The page is ${mediaType}, not HTML or plain text`) };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const format = pageFormatOf(mediaType, bytes);
  if (format === undefined) return { status: 'failed', url, failure: notHtml('The page declares no type and is not text') };
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return { status: 'fetched', url, format, body: decodePage(bytes, contentType, format), contentHash, ...validators };
}

function notHtml(message: string): PageFailure {
  return { reason: 'not-html', message, isRetryable: false };
}

function optional<Key extends string>(key: Key, value: string | null): Partial<Record<Key, string>> {
  return value ? ({ [key]: value } as Record<Key, string>) : {};
}
