import { useEffect, useState } from 'react';

/** The console's views, in the URL's hash so reload and back work without a router library. */
export type Route =
  | { view: 'lookup' }
  | {
      view: 'person';
      personalNumber: string;
      /** A case reference to point out (reference search). */ highlight?: string;
    }
  | { view: 'reference'; reference: string }
  | { view: 'search'; text: string }
  | { view: 'property'; address: string }
  | { view: 'queue' }
  | { view: 'callbacks' }
  | { view: 'case'; id: string }
  | { view: 'stats' }
  | { view: 'now' };

export function parseRoute(hash: string): Route {
  const [, view = '', arg = '', extra = ''] = hash.replace(/^#/, '').split('/');
  const value = decodeURIComponent(arg);
  if (view === 'person' && value)
    return extra
      ? { view: 'person', personalNumber: value, highlight: decodeURIComponent(extra) }
      : { view: 'person', personalNumber: value };
  if (view === 'arendenummer' && value) return { view: 'reference', reference: value };
  if (view === 'sok' && value) return { view: 'search', text: value };
  if (view === 'adress' && value) return { view: 'property', address: value };
  if (view === 'ko') return { view: 'queue' };
  if (view === 'aterringning') return { view: 'callbacks' };
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
      return `#/person/${encodeURIComponent(route.personalNumber)}${route.highlight ? `/${encodeURIComponent(route.highlight)}` : ''}`;
    case 'reference':
      return `#/arendenummer/${encodeURIComponent(route.reference)}`;
    case 'search':
      return `#/sok/${encodeURIComponent(route.text)}`;
    case 'property':
      return `#/adress/${encodeURIComponent(route.address)}`;
    case 'queue':
      return '#/ko';
    case 'callbacks':
      return '#/aterringning';
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

/** Instead of the current entry: a step that only led on (a reference to its person) is not one Back returns to. */
export function replaceRoute(route: Route): void {
  window.location.replace(hrefOf(route));
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
