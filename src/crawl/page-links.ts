import { parseHTML } from 'linkedom';
import { normalizeUrl } from './crawl-url.js';

/** The slice of linkedom's DOM read here (the project compiles without the DOM library). */
interface AttributeElement {
  getAttribute(name: string): string | null;
}

interface LinkDocument {
  querySelector(selectors: string): AttributeElement | null;
  querySelectorAll(selectors: string): ArrayLike<AttributeElement>;
}

export interface PageLinks {
  /** The page's `<link rel="canonical">`, normalised. */
  canonicalUrl?: string;
  /** Normalised, de-duplicated link targets in document order, whatever their origin. */
  links: string[];
}

/**
 * Reads where a page points: its canonical URL and the links a crawler may follow. Links marked
 * `rel="nofollow"` or `download` are left out, and so is every link of a page whose robots
 * meta tag says `nofollow`. Relative links resolve against `<base href>` when the page has one.
 */
export function readPageLinks(html: string, pageUrl: string): PageLinks {
  const document = parseHTML(html).document as unknown as LinkDocument;
  const base = normalizeUrl(document.querySelector('base[href]')?.getAttribute('href') ?? '', pageUrl) ?? pageUrl;
  const canonicalHref = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const canonicalUrl = canonicalHref ? normalizeUrl(canonicalHref, base) : undefined;
  const robots = document.querySelector('meta[name="robots" i]')?.getAttribute('content') ?? '';
  const links = new Set<string>();
  if (!hasToken(robots, 'nofollow') && !hasToken(robots, 'none')) {
    for (const anchor of Array.from(document.querySelectorAll('a[href], area[href]'))) {
      if (hasToken(anchor.getAttribute('rel') ?? '', 'nofollow') || anchor.getAttribute('download') !== null) continue;
      const target = normalizeUrl(anchor.getAttribute('href') ?? '', base);
      if (target !== undefined) links.add(target);
    }
  }
  return { ...(canonicalUrl ? { canonicalUrl } : {}), links: [...links] };
}

/** Whether a space- or comma-separated attribute value holds a token, ignoring case. */
function hasToken(value: string, token: string): boolean {
  return value.toLowerCase().split(/[\s,]+/).includes(token);
}
