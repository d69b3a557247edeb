import robotsParserModule from 'robots-parser';
import { failureFromError, type PageFailure } from './page-failure.js';

// robots-parser's typings declare an ES default export, but the package is CommonJS whose
// `module.exports` is the function itself, which is what a default import yields under NodeNext.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What one origin's robots.txt allows the crawler. */
export interface RobotsRules {
  /** False for a URL the rules for the crawler's user agent disallow. */
  allows(url: string): boolean;
  /** The `Crawl-delay` for the crawler's user agent, in milliseconds. */
  crawlDelayMs?: number;
  /** The `Sitemap:` URLs, resolved against robots.txt's own URL. */
  sitemaps: string[];
}

export interface RobotsRequest {
  fetch: typeof fetch;
  /** Its product token (before the first `/`) picks the robots.txt group, `*` otherwise. */
  userAgent: string;
  signal: AbortSignal;
}

const allowEverything: RobotsRules = { allows: () => true, sitemaps: [] };

/**
 * Reads an origin's robots.txt the way RFC 9309 says: a 4xx (no file) allows everything, a
 * server error or an unreachable server disallows everything for now, reported as a retryable
 * `robots-unavailable` failure; a destination the guarded client refuses is reported as such.
 * Only the caller's abort rejects.
 */
export async function fetchRobotsRules(origin: string, request: RobotsRequest): Promise<RobotsRules | PageFailure> {
  const robotsUrl = `${origin}/robots.txt`;
  try {
    const headers = { 'user-agent': request.userAgent };
    const response = await request.fetch(robotsUrl, { headers, signal: request.signal });
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      await response.body?.cancel();
      return allowEverything;
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      return unavailable(`robots.txt answered HTTP ${response.status}`);
    }
    return toRules(robotsParser(robotsUrl, await response.text()), robotsUrl, request.userAgent);
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason;
    const failure = failureFromError(error);
    return failure.reason === 'blocked-destination' ? failure : unavailable(failure.message);
  }
}

function toRules(robots: ReturnType<typeof robotsParser>, robotsUrl: string, userAgent: string): RobotsRules {
  const crawlDelay = robots.getCrawlDelay(userAgent);
  return {
    allows: (url) => robots.isDisallowed(url, userAgent) !== true,
    ...(crawlDelay !== undefined && crawlDelay >= 0 ? { crawlDelayMs: crawlDelay * 1000 } : {}),
    // RFC 9309 asks for absolute sitemap URLs; relative ones are common enough to accept.
    sitemaps: robots
      .getSitemaps()
      .flatMap((sitemap) => (URL.canParse(sitemap, robotsUrl) ? [new URL(sitemap, robotsUrl).href] : [])),
  };
}

function unavailable(detail: string): PageFailure {
  const message = `The site is not crawled while its robots.txt cannot be read (${detail})`;
  return { reason: 'robots-unavailable', message, isRetryable: true };
}
