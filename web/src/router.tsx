import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const navigateEvent = 'mamori:navigate';

// Trailing slashes are not meaningful: "/catalog/" is "/catalog".
export function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function currentPath(): string {
  return normalizePath(window.location.pathname);
}

// `path` may carry a query string ("/catalog/compare?from=r6&to=r7"); only a change of path or query
// adds a history entry. `replace` swaps the current entry instead (redirects, e.g. to the login page).
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = new URL(path, window.location.href);
  if (normalizePath(target.pathname) === currentPath() && target.search === window.location.search) return;
  if (options.replace === true) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigateEvent));
}

/** The current path with its query string, e.g. to come back to it after logging in. */
export function currentLocation(): string {
  return `${currentPath()}${window.location.search}`;
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener(navigateEvent, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(navigateEvent, update);
    };
  }, []);
  return path;
}

// The query string of the current address ("" or "?from=r6&to=r7"), updated on navigation.
export function useSearch(): string {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const update = () => setSearch(window.location.search);
    window.addEventListener('popstate', update);
    window.addEventListener(navigateEvent, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(navigateEvent, update);
    };
  }, []);
  return search;
}

interface LinkProps {
  href: string;
  class?: string;
  'aria-current'?: 'page' | 'true';
  children: ComponentChildren;
}

// A plain <a> so that opening in a new tab, copying the address and keyboard use all keep working;
// only an unmodified primary click is handled in the page.
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
