// A tiny history router: the URL is the state, pushState changes it, popstate follows
// back/forward. Paths may carry parameters (`/cases/:id`) and a query string (filters), which
// is enough for this app without adding react-router.
import {
  createContext,
  useContext,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
} from 'react';

const CHANGE = 'cl:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The raw query string ("" or "?a=1"); a string so the snapshot compares by value. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** Query parameters as a plain object (last value wins). */
export function useQueryParams(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(useSearch()));
}

/** `to` may include a query string; same-URL navigation is a no-op. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  const samePath = to.split('?')[0] === window.location.pathname;
  window.history[replace ? 'replaceState' : 'pushState'](null, '', to);
  window.dispatchEvent(new Event(CHANGE));
  // Filter changes keep the scroll position; a new page starts at the top.
  if (!samePath) window.scrollTo(0, 0);
}

/**
 * Rewrites the query string of the current page (empty values are dropped). Replaces the history
 * entry, so typing in a filter does not fill the back button with every keystroke.
 */
export function setQueryParams(params: Record<string, string | undefined | null>): void {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, { replace: true });
}

/** Matches `/cases/:id` against `/cases/0190…`; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const actual = got[i]!;
    if (part.startsWith(':')) {
      if (!actual) return null;
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null; // a malformed %-escape is simply not this page
      }
    } else if (part !== actual) return null;
  }
  return params;
}

export const RouteParamsContext = createContext<Record<string, string>>({});

/** The parameters of the page's own route pattern (see routes.tsx). */
export function useRouteParams(): Record<string, string> {
  return useContext(RouteParamsContext);
}

/** Plain clicks navigate in-app; modified clicks (new tab, etc.) keep the browser's behaviour. */
export function onLinkClick(
  event: MouseEvent<HTMLElement>,
  path: string,
  after?: () => void,
): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  navigate(path);
  after?.();
}

export function Link({ to, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  return <a href={to} {...rest} onClick={(e) => onLinkClick(e, to)} />;
}
