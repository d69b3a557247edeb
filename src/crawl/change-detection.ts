import type { FetchPageResult } from './fetch-page.js';
import type { PageFailure } from './page-failure.js';
import { pageValidators, type PageValidators } from './page-validators.js';

/**
 * What a fetch means for the copy a knowledge base holds, so a re-sync re-ingests only what
 * changed: `added` and `changed` pages are (re-)ingested, `unchanged` ones keep their chunks
 * (with refreshed validators), `removed` ones lose them. A `failed` fetch says nothing about
 * the page, so its previous copy stays.
 */
export type PageChange =
  | { kind: 'added' | 'changed' | 'unchanged'; validators: PageValidators }
  | { kind: 'removed'; httpStatus: number }
  | { kind: 'failed'; failure: PageFailure };

/**
 * Compares a new fetch with the validators stored at the last sync (undefined for a page never
 * synced). A 304, or a body with the same hash, is unchanged; a page synced before that now
 * answers 404 or 410 is removed, while any other failure leaves the page as it was.
 */
export function detectChange(previous: PageValidators | undefined, result: FetchPageResult): PageChange {
  switch (result.status) {
    case 'unchanged': {
      if (previous === undefined) throw new Error('A page can only be unchanged against a previous sync');
      const { contentHash, etag, lastModified } = previous;
      const validators = pageValidators(contentHash, result.etag ?? etag, result.lastModified ?? lastModified);
      return { kind: 'unchanged', validators };
    }
    case 'fetched': {
      const validators = pageValidators(result.contentHash, result.etag, result.lastModified);
      if (previous === undefined) return { kind: 'added', validators };
      return { kind: previous.contentHash === result.contentHash ? 'unchanged' : 'changed', validators };
    }
    case 'failed': {
      const { failure } = result;
      if (previous !== undefined && failure.reason === 'not-found' && failure.httpStatus !== undefined) {
        return { kind: 'removed', httpStatus: failure.httpStatus };
      }
      return { kind: 'failed', failure };
    }
  }
}
