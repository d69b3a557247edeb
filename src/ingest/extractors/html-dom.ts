/**
 * The slice of the DOM the HTML readers use. The project compiles without the DOM library
 * (it is a server), and linkedom's own typings lean on it, so its nodes are described here
 * structurally; linkedom's objects satisfy these shapes.
 */
export interface HtmlNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}

export interface HtmlElement extends HtmlNode {
  readonly localName: string;
  readonly className: string;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly children: ArrayLike<HtmlElement>;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  closest(selectors: string): HtmlElement | null;
}

export interface HtmlDocument {
  readonly body: HtmlElement | null;
  readonly documentElement: HtmlElement;
  querySelector(selectors: string): HtmlElement | null;
}

export const elementNodeType = 1;
export const textNodeType = 3;
