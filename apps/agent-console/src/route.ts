import { useEffect, useState } from 'react';

/** The console's views, in the URL's hash so reload and back work without a router library. */
export type Route =
  | { view: 'lookup' }
  | { view: 'person'; personalNumber: string }
  | { view: 'property'; address: string }
  | { view: 'queue' }
  | { view: 'case'; id: string }
  | { view: 'stats' }
  | { view: 'now' };

export function parseRoute(hash: string): Route {
  const [, view = '', arg = ''] = hash.replace(/^#/, '').split('/');
  const value = decodeURIComponent(arg);
  if (view === 'person' && value) return { view: 'person', personalNumber: value };
  if (view === 'adress' && value) return { view: 'property', address: value };
  if (view === 'ko') return { view: 'queue' };
  if (view === 'arende' && value) return { view: 'case', id: value };
  if (view === 'statistik') return { view: 'stats' };
  if (view === 'nu') return { view: 'now' };
  return { view: 'lookup' };
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'lookup':
      return '#/';
    case 'person':
      return `#/person/${encodeURIComponent(route.personalNumber)}`;
    case 'property':
      return `#/adress/${encodeURIComponent(route.address)}`;
    case 'queue':
      return '#/ko';
    case 'case':
      return `#/arende/${encodeURIComponent(route.id)}`;
    case 'stats':
      return '#/statistik';
    case 'now':
      return '#/nu';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
