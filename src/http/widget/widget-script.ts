import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Where `vite build --config web/widget/vite.config.ts` writes; the same path from src/ and dist/. */
export const widgetScriptPath = fileURLToPath(new URL('../../../dist/web/widget/widget.js', import.meta.url));

export interface WidgetScript {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

/**
 * widget.js, read once and kept in memory with a gzip copy and an ETag: every page view of every
 * site that embeds the widget asks for it. Undefined when the widget has not been built.
 */
export async function loadWidgetScript(path = widgetScriptPath): Promise<WidgetScript | undefined> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return undefined;
  }
  return {
    body,
    gzipped: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}
