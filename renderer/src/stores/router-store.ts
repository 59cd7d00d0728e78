// Hash routing (#/connections, #/connections/new, #/connections/<id>, ...) so it works from file://.
import { createStore, type StoreApi } from 'zustand/vanilla';

export const PAGES = ['connections', 'pipelines', 'schema', 'producer', 'monitor', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export type Route =
  | { page: 'connections'; view: 'list' }
  | { page: 'connections'; view: 'wizard' }
  | { page: 'connections'; view: 'edit'; id: string }
  | { page: Exclude<Page, 'connections'> };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#?\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [page, sub] = parts;
  if (page === 'connections' || page === undefined) {
    if (sub === 'new') return { page: 'connections', view: 'wizard' };
    if (sub) return { page: 'connections', view: 'edit', id: sub };
    return { page: 'connections', view: 'list' };
  }
  if ((PAGES as readonly string[]).includes(page)) return { page: page as Exclude<Page, 'connections'> };
  return { page: 'connections', view: 'list' };
}

export function routeHref(route: Route): string {
  if (route.page !== 'connections') return `#/${route.page}`;
  if (route.view === 'wizard') return '#/connections/new';
  if (route.view === 'edit') return `#/connections/${encodeURIComponent(route.id)}`;
  return '#/connections';
}

/** The browser's hash, behind an interface so the store can be tested without a window. */
export interface HashHost {
  get(): string;
  set(hash: string): void;
  subscribe(listener: () => void): () => void;
}

export interface RouterState {
  route: Route;
  /** True when the page was opened without a hash (first screen decides where to go). */
  initialEmpty: boolean;
  navigate(route: Route): void;
}

export type RouterStore = StoreApi<RouterState>;

export function createRouterStore(host: HashHost): RouterStore {
  const store = createStore<RouterState>()(() => ({
    route: parseRoute(host.get()),
    initialEmpty: host.get().replace(/^#\/?/, '') === '',
    navigate: (route) => host.set(routeHref(route)),
  }));
  host.subscribe(() => store.setState({ route: parseRoute(host.get()) }));
  return store;
}
