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

export function navigate(path: string): void {
  if (normalizePath(path) === currentPath()) return;
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigateEvent));
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

interface LinkProps {
  href: string;
  class?: string;
  'aria-current'?: 'page';
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
