import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a host page embeds: the script tag from the console's embed snippet. */
export interface EmbedSnippet {
  scriptUrl: string;
  widgetKey: string;
}

const hostileCss = `
  * { all: unset; }
  style, script { display: none !important; }
  div { display: none !important; }
  button { background: #ff0000 !important; font-size: 40px !important; }
  docent-chat { opacity: 0 !important; transform: scale(0.1) !important; }
`;

const storefrontCss = `
  body { margin: 0; font-family: Georgia, serif; color: #1f2937; background: #fdfbf7; }
  header { padding: 20px 48px; border-bottom: 1px solid #e7e2d8; font-size: 22px; font-weight: bold; }
  main { padding: 48px; max-width: 640px; }
  h1 { font-size: 40px; margin: 0 0 16px; }
  p { font-size: 18px; line-height: 1.6; }
`;

function page(options: { title: string; css: string; body: string; script: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title>
<style>${options.css}</style></head><body>${options.body}${options.script}</body></html>`;
}

/**
 * A website on its own loopback port, i.e. another origin than Docent: `/` is a plain storefront
 * with the widget, `/hostile` the same widget under CSS that tries to break it, `/inline` the
 * widget rendered into a container of the page.
 */
export async function startHostSite(embed: () => EmbedSnippet): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const { scriptUrl, widgetKey } = embed();
    const floating = `<script src="${scriptUrl}" data-key="${widgetKey}" defer></script>`;
    const inline = `<script src="${scriptUrl}" data-key="${widgetKey}" data-mode="inline" data-target="#help" defer></script>`;
    const pages: Record<string, string> = {
      '/': page({
        title: 'Northwind Outfitters',
        css: storefrontCss,
        body: '<header>Northwind Outfitters</header><main><h1>Gear for every trail</h1><p>Free returns within 30 days. Questions? Ask our assistant.</p><button class="launcher" id="host-button">Host button</button></main>',
        script: floating,
      }),
      '/hostile': page({ title: 'Hostile', css: hostileCss, body: '<h1>Hostile page</h1><button class="launcher" id="host-button">Host button</button>', script: floating }),
      '/inline': page({
        title: 'Help centre',
        css: `${storefrontCss} #help { width: 420px; height: 560px; }`,
        body: '<main><h1>Help centre</h1><section id="help"></section></main>',
        script: inline,
      }),
    };
    const html = pages[request.url ?? '/'];
    response.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
