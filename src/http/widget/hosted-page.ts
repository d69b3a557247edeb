import { createHash } from 'node:crypto';

const pageStyle =
  'html,body{height:100%;margin:0;background:#eef0f3;font:16px/1.5 system-ui,sans-serif;color:#374151}' +
  'p{margin:40vh 0 0;text-align:center}' +
  'main{box-sizing:border-box;height:100%;max-width:760px;margin:0 auto;padding:24px}' +
  '#docent-chat{height:100%}@media (max-width:600px){main{padding:0}}';
const pageStyleHash = `'sha256-${createHash('sha256').update(pageStyle).digest('base64')}'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The hosted chat page's policy: scripts, styles and connections from this server only, images
 * only from here and the owner's avatar host, so nothing an answer says can make the page send a
 * beacon anywhere else. It may be framed by the key's allowed origins.
 */
export function hostedPagePolicy(options: { frameAncestors: string[]; avatarOrigin?: string | undefined }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${pageStyleHash}`,
    `img-src 'self' data:${options.avatarOrigin ? ` ${options.avatarOrigin}` : ''}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self'${options.frameAncestors.map((origin) => ` ${origin}`).join('')}`,
  ].join('; ');
}

/** A full-page chat: the widget, inline, filling the window. */
export function hostedPage(options: { title: string; widgetKey: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${pageStyle}</style>
</head>
<body>
<main><div id="docent-chat"></div></main>
<script src="/widget.js" data-key="${escapeHtml(options.widgetKey)}" data-mode="inline" data-target="#docent-chat" defer></script>
</body>
</html>
`;
}

/** What the hosted page says when its key cannot chat. */
export function unavailablePage(message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chat unavailable</title>
<style>${pageStyle}</style></head>
<body><main><p>${escapeHtml(message)}</p></main></body>
</html>
`;
}
