/** Query parameters that only say where a visitor came from (besides `utm_*`); they never change the page. */
const trackingParameters = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok',
]);

/** Extensions of files that are not web pages, skipped before any request is made. */
const nonPageExtensions = new Set([
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'csv', 'json', 'xml', 'rss', 'atom',
  'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar', 'exe', 'dmg', 'pkg', 'deb', 'rpm', 'apk', 'iso', 'bin', 'wasm',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'bmp', 'ico', 'svg', 'tif', 'tiff',
  'mp3', 'mp4', 'm4a', 'aac', 'ogg', 'oga', 'wav', 'flac', 'webm', 'mov', 'avi', 'mkv',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'css', 'js', 'mjs', 'map',
]);

/**
 * The one spelling of a URL the crawler uses as its identity, so a page reached by several
 * links is fetched once: http(s) only, no credentials, no fragment, no tracking parameters,
 * the remaining query parameters sorted by name (values of a repeated name keep their order).
 * Returns undefined for anything that is not a fetchable web URL (`mailto:`, `javascript:`, junk).
 */
export function normalizeUrl(input: string, base?: string | URL): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
  url.hash = '';
  for (const name of [...new Set(url.searchParams.keys())]) {
    const lowerCaseName = name.toLowerCase();
    if (lowerCaseName.startsWith('utm_') || trackingParameters.has(lowerCaseName)) url.searchParams.delete(name);
  }
  url.searchParams.sort();
  if (url.search === '?') url.search = '';
  return url.href;
}

/** Scheme, host and port: a crawl never leaves the origin it started on. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/** Whether the URL's path names a file type that is not a web page (an image, a PDF, ...). */
export function looksLikeNonPage(url: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(url).pathname)?.[1];
  return extension !== undefined && nonPageExtensions.has(extension.toLowerCase());
}
