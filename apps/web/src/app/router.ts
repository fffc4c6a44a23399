import { useSyncExternalStore } from 'react';

/** The pages of the app and the path patterns that open them. */
export type Route =
  | { page: 'signin' }
  | { page: 'signup' }
  | { page: 'maps' }
  | { page: 'newMap' }
  | { page: 'personas' }
  | { page: 'editor'; mapId: string }
  | { page: 'history'; mapId: string }
  | { page: 'present'; mapId: string }
  | { page: 'shared'; token: string }
  | { page: 'sandbox' }
  | { page: 'notFound' };

/** Parses a pathname into a route; unknown paths are `notFound`. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) return { page: 'maps' };
  if (first === 'signin' && parts.length === 1) return { page: 'signin' };
  if (first === 'signup' && parts.length === 1) return { page: 'signup' };
  if (first === 'personas' && parts.length === 1) return { page: 'personas' };
  if (first === 'sandbox' && parts.length === 1) return { page: 'sandbox' };
  if (first === 'new' && parts.length === 1) return { page: 'newMap' };
  if (first === 's' && second && parts.length === 2) return { page: 'shared', token: second };
  if (first === 'maps' && second) {
    if (parts.length === 2) return { page: 'editor', mapId: second };
    if (third === 'history' && parts.length === 3) return { page: 'history', mapId: second };
    if (third === 'present' && parts.length === 3) return { page: 'present', mapId: second };
  }
  return { page: 'notFound' };
}

const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
};

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export const mapPath = (mapId: string, sub?: 'history' | 'present') =>
  `/maps/${encodeURIComponent(mapId)}${sub ? `/${sub}` : ''}`;
