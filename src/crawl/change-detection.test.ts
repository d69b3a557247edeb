import { describe, expect, it } from 'vitest';
import { detectChange } from './change-detection.js';
import type { FetchPageResult } from './fetch-page.js';
import { failureFromStatus } from './page-failure.js';

const url = 'https://example.com/guide';
const previous = { etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT', contentHash: 'aaa' };
const fetched = (contentHash: string, etag?: string): FetchPageResult => ({
  status: 'fetched',
  url,
  format: 'html',
  body: '<p>Guide</p>',
  contentHash,
  ...(etag ? { etag } : {}),
});

describe('detectChange', () => {
  it('calls a page never synced before added', () => {
    expect(detectChange(undefined, fetched('bbb', '"v2"'))).toEqual({
      kind: 'added',
      validators: { contentHash: 'bbb', etag: '"v2"' },
    });
  });

  it('keeps the stored hash on a 304 and takes any validators the server refreshed', () => {
    expect(detectChange(previous, { status: 'unchanged', url, etag: '"v1b"' })).toEqual({
      kind: 'unchanged',
      validators: { ...previous, etag: '"v1b"' },
    });
  });

  it('compares bodies by hash when the server answers 200', () => {
    expect(detectChange(previous, fetched('aaa')).kind).toBe('unchanged');
    expect(detectChange(previous, fetched('ccc')).kind).toBe('changed');
  });

  it('removes a synced page that is now 404 or 410, and keeps it on other failures', () => {
    for (const status of [404, 410]) {
      const result: FetchPageResult = { status: 'failed', url, failure: failureFromStatus(status, '') };
      expect(detectChange(previous, result)).toEqual({ kind: 'removed', httpStatus: status });
    }
    const outage: FetchPageResult = { status: 'failed', url, failure: failureFromStatus(503, 'Service Unavailable') };
    expect(detectChange(previous, outage)).toMatchObject({ kind: 'failed', failure: { reason: 'http-error', isRetryable: true } });
  });

  it('reports a broken link that was never synced as a failure, not a removal', () => {
    const result: FetchPageResult = { status: 'failed', url, failure: failureFromStatus(404, 'Not Found') };
    expect(detectChange(undefined, result)).toMatchObject({ kind: 'failed', failure: { reason: 'not-found', httpStatus: 404 } });
  });
});
