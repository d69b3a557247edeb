import { looksLikeNonPage, originOf } from './crawl-url.js';

/** A URL waiting to be fetched, with how many links away from the start page it was found. */
export interface FrontierEntry {
  url: string;
  depth: number;
}

/**
 * The URLs a crawl will visit, first in, first out, so pages are fetched breadth-first: every
 * page one link from the start before any page two links away. Each normalised URL enters
 * once, and only if it is on the crawled origin and not a file that is obviously no web page.
 */
export class CrawlFrontier {
  private readonly queue: FrontierEntry[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly origin: string,
    private readonly maxDepth: number,
  ) {}

  /** Queues a normalised URL; false when it was seen before, is off-site, too deep or no page. */
  add(url: string, depth: number): boolean {
    if (depth > this.maxDepth || this.seen.has(url)) return false;
    if (originOf(url) !== this.origin || looksLikeNonPage(url)) return false;
    this.seen.add(url);
    this.queue.push({ url, depth });
    return true;
  }

  /** Records a URL as handled without queueing it (a redirect target, a canonical URL). */
  markSeen(url: string): void {
    this.seen.add(url);
  }

  next(): FrontierEntry | undefined {
    return this.queue.shift();
  }
}
