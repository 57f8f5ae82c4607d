// @ts-nocheck
import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * The dashboard's hash router. An extension page is one file (`dashboard.html`): a path such as
 * `dashboard.html/events` does not exist on reload, so routes live in the hash —
 * `#/<view>[/<id>][?<filters>]` — which the browser keeps across reloads, history and bookmarks.
 * Parsing and formatting are pure; `useRoute` and `navigate` are the only parts touching `window`.
 */

/** Every view the dashboard routes to (the route table in ./views.ts has one entry each). */
export const VIEW_NAMES = ['events', 'persons', 'sessions', 'cohorts', 'actions', 'trends'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** Where the dashboard is. `not-found` keeps the unknown path so the page can name it. */
export interface Route {
  view: ViewName | 'not-found';
  /** The item of a detail route (`#/events/<uuid>`, `#/persons/<distinct id>`), decoded. */
  id?: string;
  /** Filters (`?site=…&event=…`); `site` is kept when moving between views. */
  query: URLSearchParams;
  /** The unknown path of a `not-found` route. */
  path?: string;
}

/** The view shown for an empty hash (`dashboard.html`, `#`, `#/`). */
export const DEFAULT_VIEW: ViewName = 'events';

const isView = (name: string): name is ViewName => (VIEW_NAMES as readonly string[]).includes(name);

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray '%' typed by hand: take it literally rather than fail the page
  }
}

/** The route of a location hash (with or without its leading `#`). Never throws. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/^\/+/, '');
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [first = '', ...rest] = path.split('/');
  const view = decode(first);
  if (view === '') return { view: DEFAULT_VIEW, query };
  if (!isView(view)) return { view: 'not-found', path: `/${decode(path)}`, query };
  // An id is encoded as one segment; one typed with raw slashes is taken whole.
  const id = rest.length ? decode(rest.join('/')) : '';
  return id ? { view, id, query } : { view, query };
}

/** The hash of a route (`#/events/<id>?site=…`): ids encoded, empty filter values left out. */
export function formatRoute(route: Pick<Route, 'view' | 'id' | 'query'>): string {
  const view = route.view === 'not-found' ? DEFAULT_VIEW : route.view;
  const id = route.id ? `/${encodeURIComponent(route.id)}` : '';
  const query = new URLSearchParams();
  for (const [k, v] of route.query) if (v !== '') query.append(k, v);
  const qs = query.toString();
  return `#/${view}${id}${qs ? `?${qs}` : ''}`;
}

/**
 * The href of a view, an item, and filters. `query` may be a plain object (undefined / empty
 * values left out) or URLSearchParams.
 */
export function routeHref(view: ViewName, id?: string, query?: URLSearchParams | Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  if (query instanceof URLSearchParams) query.forEach((v, k) => params.append(k, v));
  else for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  return formatRoute({ view, id, query: params });
}

/**
 * Go to `route` (a hash, or a route). `replace`: change the current history entry instead of adding
 * one (filter typing, so Back leaves the view rather than undoing keystrokes). Listeners hear a
 * hashchange either way.
 */
export function navigate(to: string | Pick<Route, 'view' | 'id' | 'query'>, { replace = false, win = window }: { replace?: boolean; win?: Window } = {}): void {
  const hash = typeof to === 'string' ? to : formatRoute(to);
  if (win.location.hash === hash) return;
  if (!replace) {
    win.location.hash = hash;
    return;
  }
  const old = win.location.href;
  win.history.replaceState(win.history.state, '', hash);
  // replaceState fires no hashchange: tell useRoute ourselves.
  win.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: old, newURL: win.location.href }));
}

/**
 * The current route, updated on every hashchange (the listener goes with the component). The
 * same hash gives the same Route object, so effects keyed on it do not rerun for nothing.
 */
export function useRoute(win: Window = window): Route {
  const [hash, setHash] = useState(() => win.location.hash);
  useEffect(() => {
    const controller = new AbortController();
    const update = () => setHash(win.location.hash);
    win.addEventListener('hashchange', update, { signal: controller.signal });
    update(); // the hash may have changed between the first render and this effect
    return () => controller.abort();
  }, [win]);
  return useMemo(() => parseRoute(hash), [hash]);
}
