// Browser mode: the page is opened as http://host:port/?token=T. The token is moved into
// sessionStorage (so a reload keeps working) and removed from the visible URL and history.
import { BRIDGE_PATH } from '../../../shared/bridge-protocol';

export const TOKEN_KEY = 'kms.bridgeToken';

export interface LocationLike {
  protocol: string;
  host: string;
  search: string;
  href: string;
}
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
export interface HistoryLike {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/** Returns the WebSocket URL of the bridge, taking the token from the URL or the session. */
export function resolveBridgeUrl(location: LocationLike, storage: StorageLike, history: HistoryLike): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    const clean = new URL(location.href);
    clean.searchParams.delete('token');
    history.replaceState(null, '', clean.pathname + clean.search + clean.hash);
  }
  const token = fromUrl ?? storage.getItem(TOKEN_KEY) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
}
