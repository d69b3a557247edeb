import { h } from './dom.js';

const inlinePattern =
  /\*\*([^*\n]+)\*\*|\[(\d{1,2})\](?!\()|!?\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])/g;

/**
 * Renders an answer's light markdown (paragraphs, line breaks, bullet and numbered lists, bold,
 * links and `[n]` citation markers) as DOM nodes. Everything else stays literal text, and an
 * image in markdown becomes a plain link: the widget never loads anything an answer names, so
 * injected content cannot send beacons to a foreign host.
 */
export function renderRichText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of text.trim().split(/\n{2,}/)) {
    const lines = block.split('\n');
    const bullets = lines.every((line) => /^\s*[-*•]\s+/.test(line));
    const numbers = lines.every((line) => /^\s*\d+[.)]\s+/.test(line));
    if (bullets || numbers) {
      const list = h(bullets ? 'ul' : 'ol');
      for (const line of lines) list.append(h('li', {}, ...renderInline(line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, ''))));
      fragment.append(list);
    } else {
      const paragraph = h('p');
      lines.forEach((line, index) => {
        if (index > 0) paragraph.append(h('br'));
        paragraph.append(...renderInline(line));
      });
      fragment.append(paragraph);
    }
  }
  return fragment;
}

function renderInline(text: string): Node[] {
  const nodes: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push(document.createTextNode(text.slice(last, index)));
    const [, bold, citation, linkText, linkUrl, bareUrl] = match;
    if (bold) nodes.push(h('strong', {}, bold));
    else if (citation) nodes.push(h('span', { class: 'cite', 'aria-label': `source ${citation}` }, citation));
    else if (linkText && linkUrl) nodes.push(link(linkUrl, linkText));
    else if (bareUrl) nodes.push(link(bareUrl, bareUrl));
    last = index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

export function link(href: string, text: string): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, text);
}
