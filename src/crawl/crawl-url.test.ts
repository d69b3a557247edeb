import { describe, expect, it } from 'vitest';
import { looksLikeNonPage, normalizeUrl, originOf } from './crawl-url.js';

describe('normalizeUrl', () => {
  it('drops fragments and tracking parameters and sorts the rest of the query', () => {
    expect(normalizeUrl('https://Example.com/docs?b=2&utm_source=x&a=1&fbclid=y#intro')).toBe(
      'https://example.com/docs?a=1&b=2',
    );
  });

  it('keeps the order of a repeated parameter and removes an emptied query', () => {
    expect(normalizeUrl('https://example.com/?tag=z&tag=a')).toBe('https://example.com/?tag=z&tag=a');
    expect(normalizeUrl('https://example.com/page?utm_medium=mail')).toBe('https://example.com/page');
  });

  it('resolves relative links against their page and removes default ports', () => {
    expect(normalizeUrl('../guide/', 'http://example.com:80/docs/start/')).toBe('http://example.com/docs/guide/');
  });

  it('refuses what is not a fetchable web URL', () => {
    for (const input of ['mailto:team@example.com', 'javascript:void(0)', 'ftp://example.com/', 'https://user:pw@example.com/', 'http://']) {
      expect(normalizeUrl(input)).toBeUndefined();
    }
  });
});

describe('originOf and looksLikeNonPage', () => {
  it('tells hosts and ports apart', () => {
    expect(originOf('http://127.0.0.1:8080/a')).not.toBe(originOf('http://localhost:8080/a'));
    expect(originOf('http://127.0.0.1:8080/a')).not.toBe(originOf('http://127.0.0.1:8081/a'));
  });

  it('recognises files that are not pages by their extension only', () => {
    expect(looksLikeNonPage('https://example.com/manual.PDF')).toBe(true);
    expect(looksLikeNonPage('https://example.com/logo.svg?v=2')).toBe(true);
    expect(looksLikeNonPage('https://example.com/docs/pdf-export')).toBe(false);
    expect(looksLikeNonPage('https://example.com/index.html')).toBe(false);
  });
});
