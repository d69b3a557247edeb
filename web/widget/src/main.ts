import css from './styles.css?inline';
import { WidgetApi } from './api/widget-api.js';
import { ChatWidget } from './chat-widget.js';
import { readEmbedOptions, type EmbedOptions } from './embed-options.js';

/**
 * widget.js: `<script src="https://HOST/widget.js" data-key="pk_..." defer></script>` adds a
 * chat launcher and panel to the page; `data-mode="inline" data-target="#chat"` renders the
 * panel inside that element instead. Everything lives in a shadow root with its own styles.
 */
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-key]');

function mount(options: EmbedOptions): void {
  const container = options.mode === 'inline' ? document.querySelector(options.target ?? '') : document.body;
  if (!container) {
    console.warn(`Docent widget: no element matches data-target="${options.target ?? ''}"`);
    return;
  }
  const host = document.createElement('docent-chat');
  host.setAttribute('data-mode', options.mode);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  const widget = new ChatWidget(new WidgetApi(options.baseUrl, options.key), options.mode);
  shadow.append(widget.element);
  container.append(host);
  void widget.start();
}

/** A constructed stylesheet where supported: it also passes a strict style-src CSP. */
function adoptStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

if (script) {
  const options = readEmbedOptions(script);
  if (typeof options === 'string') console.warn(`Docent widget: ${options}`);
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mount(options), { once: true });
  else mount(options);
}
