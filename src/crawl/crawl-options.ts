import type { PageValidators } from './page-validators.js';

export interface CrawlSiteOptions {
  /** The link as its owner entered it. */
  startUrl: string;
  /** The guarded client (`createGuardedFetch`); robots.txt, sitemaps and pages all go through it. */
  fetch: typeof fetch;
  /**
   * The link's grabber setting. Off, only `startUrl` is fetched: the owner asked for that page,
   * as a browser would, so robots.txt is not consulted. On, the site around it is crawled.
   */
  grabberEnabled: boolean;
  /** Links followed away from the start page; default 2. */
  maxDepth?: number;
  /** Pages requested in all, failures included; default 50. */
  maxPages?: number;
  /** Sent with every request, and matched against robots.txt groups by its product token. */
  userAgent: string;
  /** The caller's abort (a job's signal): the crawl rejects with its reason. */
  signal?: AbortSignal;
  /**
   * Validators stored per page URL at the last sync. These pages are requested conditionally,
   * and revisited even when no link leads to them any more, so a deleted page is noticed.
   */
  previous?: ReadonlyMap<string, PageValidators>;
  /** Wall-clock budget for the whole crawl; when it runs out the crawl ends quietly. Default 5 min. */
  timeBudgetMs?: number;
  /** Upper bound for robots.txt's `Crawl-delay`, so a site cannot stall a sync; default 5 s. */
  maxCrawlDelayMs?: number;
}

export type CrawlSettings = Required<Omit<CrawlSiteOptions, 'signal'>> & Pick<CrawlSiteOptions, 'signal'>;

export function resolveCrawlSettings(options: CrawlSiteOptions): CrawlSettings {
  const settings = {
    maxDepth: 2,
    maxPages: 50,
    previous: new Map<string, PageValidators>(),
    timeBudgetMs: 5 * 60_000,
    maxCrawlDelayMs: 5_000,
    ...withoutUndefined(options),
  };
  for (const key of ['maxDepth', 'maxCrawlDelayMs'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 0) throw new RangeError(`${key} must be a non-negative integer`);
  }
  for (const key of ['maxPages', 'timeBudgetMs'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 1) throw new RangeError(`${key} must be a positive integer`);
  }
  return settings;
}

function withoutUndefined<Value extends object>(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Value;
}
