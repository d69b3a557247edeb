type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Text children become text nodes, never markup, so nothing a model or a
 * visitor writes can turn into HTML. Boolean attributes are set when true and left out when false.
 */
export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) element.append(child);
  }
  return element;
}

/** An inline SVG icon from the fixed set in icons.ts (trusted markup, never user content). */
export function icon(markup: string): SVGElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content.firstElementChild as SVGElement;
}
