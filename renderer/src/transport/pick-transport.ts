// Chooses the host at startup: the Electron preload's bridge if present, else the WebSocket server.
import type { Transport } from '../../../shared/contract';
import { createElectronTransport, type PreloadBridge } from './electron-transport';
import { resolveBridgeUrl } from './bridge-url';
import { createWebSocketTransport } from './websocket-transport';

export interface HostWindow {
  bridge?: PreloadBridge;
  location: Location;
  sessionStorage: Storage;
  history: History;
}

export function pickTransport(win: HostWindow): { transport: Transport; host: 'desktop' | 'browser' } {
  if (win.bridge) return { transport: createElectronTransport(win.bridge), host: 'desktop' };
  const url = resolveBridgeUrl(win.location, win.sessionStorage, win.history);
  return { transport: createWebSocketTransport(url), host: 'browser' };
}
