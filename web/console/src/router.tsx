import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const locationChanged = 'docent:navigate';

export interface NavigateOptions {
  replace?: boolean;
  /** A message for the next page to show once, such as what happened to an upload. */
  notice?: string;
}

/** Moves to another console page without reloading. */
export function navigate(path: string, options: NavigateOptions = {}): void {
  const state = options.notice ? { notice: options.notice } : null;
  if (options.replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  window.dispatchEvent(new Event(locationChanged));
}

/** The notice the previous page left with {@link navigate}, if any. */
export function navigationNotice(): string | undefined {
  const state = history.state as { notice?: unknown } | null;
  return typeof state?.notice === 'string' ? state.notice : undefined;
}

/** The current path, re-rendering on every navigation and on back/forward. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(locationChanged, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(locationChanged, update);
    };
  }, []);
  return path;
}

/** Matches `/assistants/:id/playground`-style patterns; returns the named segments or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/');
  const pathParts = path.replace(/\/+$/, '').split('/');
  if (path === '/') pathParts.splice(1);
  if (pattern === '/') patternParts.splice(1);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children: ComponentChildren };

/** An ordinary link (middle-click and new tabs work) that navigates in place on a plain click. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
