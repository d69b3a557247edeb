import type { WidgetSettings } from '../api/types.js';

/**
 * How the widget will look on a site, redrawn as the settings change. Colours go through CSS
 * custom properties (set with the CSSOM, which the console's CSP allows).
 */
export function WidgetPreview({ settings, fallbackGreeting }: { settings: WidgetSettings; fallbackGreeting: string }) {
  const colours = { '--widget-primary': settings.primaryColor, '--widget-text': settings.textColor };
  const greeting = settings.greeting ?? fallbackGreeting;
  return (
    <figure class={`widget-preview widget-${settings.position}`} style={colours} aria-label="Widget preview">
      <div class="widget-panel">
        <div class="widget-header">{settings.title}</div>
        <div class="widget-body">
          <p class="widget-bubble">{greeting || 'Hi! Ask me anything.'}</p>
        </div>
        <div class="widget-input">Type your question…</div>
      </div>
      <div class="widget-launcher">{settings.launcherText}</div>
      <figcaption class="visually-hidden">A preview of the chat widget</figcaption>
    </figure>
  );
}
