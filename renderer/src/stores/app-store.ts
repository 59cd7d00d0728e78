// App-level state: what the host told us (app.info) and the bridge connection state.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';
import type { AppInfo } from '../../../shared/domain';
import type { AppError } from '../../../shared/errors';

export type BridgeState = 'connecting' | 'open' | 'closed';

export interface AppState {
  info: AppInfo | null;
  error: AppError | null;
  bridge: BridgeState;
  /** True once the bridge has been open at least once: 'connecting' after that means reconnecting. */
  everConnected: boolean;
  /** First data (app.info + settings): 'ready' sets the document's ready sentinel. */
  ready: 'pending' | 'ready' | 'failed';
  load(): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

export function createAppStore(transport: Transport): AppStore {
  const store = createStore<AppState>()((set) => ({
    info: null,
    error: null,
    bridge: transport.onConnection ? 'connecting' : 'open',
    everConnected: !transport.onConnection,
    ready: 'pending',
    async load() {
      const r = await transport.invoke('app.info');
      if (r.ok) set({ info: r.value, error: null });
      else set({ error: r.error });
    },
  }));
  transport.onConnection?.((bridge) =>
    store.setState((s) => ({ bridge, everConnected: s.everConnected || bridge === 'open' })),
  );
  return store;
}
