import { describe, expect, it } from 'vitest';
import { readPageLinks } from './page-links.js';

describe('readPageLinks', () => {
  it('resolves links against <base href>, normalises and de-duplicates them', () => {
    const html = `<html><head><base href="/docs/"></head><body>
      <a href="install">Install</a><a href="install#linux">Linux</a><a href="https://other.example/">Other</a>
      <a href="mailto:team@example.com">Mail</a><area href="/map" /></body></html>`;
    expect(readPageLinks(html, 'https://example.com/start')).toEqual({
      links: ['https://example.com/docs/install', 'https://other.example/', 'https://example.com/map'],
    });
  });

  it('reads the canonical URL', () => {
    const html = '<html><head><link rel="Canonical" href="/guide?utm_campaign=x"></head><body></body></html>';
    expect(readPageLinks(html, 'https://example.com/guide?ref=1').canonicalUrl).toBe('https://example.com/guide');
  });

  it('leaves out nofollow and download links, and every link of a page whose robots meta says nofollow', () => {
    const html = '<a rel="external NoFollow" href="/a">a</a><a download href="/b">b</a><a href="/c">c</a>';
    expect(readPageLinks(html, 'https://example.com/').links).toEqual(['https://example.com/c']);
    const closed = `<html><head><meta name="ROBOTS" content="index, nofollow"></head><body>${html}</body></html>`;
    expect(readPageLinks(closed, 'https://example.com/').links).toEqual([]);
  });
});
