import type { WidgetMode } from './chat-widget.js';

/** What the embedding `<script>` tag asks for, read from its `data-*` attributes. */
export interface EmbedOptions {
  key: string;
  /** The Docent server's origin: wherever widget.js itself came from. */
  baseUrl: string;
  mode: WidgetMode;
  /** Inline mode's container, a CSS selector such as `#chat`. */
  target: string | null;
}

export function readEmbedOptions(script: HTMLScriptElement): EmbedOptions | string {
  const key = script.dataset.key?.trim();
  if (!key) return 'the script tag needs data-key="YOUR_PUBLISHABLE_KEY"';
  const mode = script.dataset.mode === 'inline' ? 'inline' : 'floating';
  const target = script.dataset.target?.trim() || null;
  if (mode === 'inline' && !target) return 'inline mode needs data-target="#element-id"';
  return { key, baseUrl: new URL(script.src, location.href).origin, mode, target };
}
