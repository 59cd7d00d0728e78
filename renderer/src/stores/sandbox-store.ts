// The local sandbox (Kafka + Milvus started by the project's stack script), with live progress.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';
import type { SandboxProfileNames, SandboxStatus } from '../../../shared/domain';
import type { AppError } from '../../../shared/errors';

export interface SandboxState {
  status: SandboxStatus | null;
  starting: boolean;
  error: AppError | null;
  refresh(): Promise<void>;
  /** Starts both services; resolves with the final status (connections to fill the forms with). */
  /** Starts the sandbox; its profiles get `names` when they are new. */
  start(names?: SandboxProfileNames): Promise<SandboxStatus | null>;
}

export type SandboxStore = StoreApi<SandboxState>;

export const sandboxReady = (s: SandboxStatus | null) => s?.kafka === 'up' && s.milvus === 'up';

export function createSandboxStore(transport: Transport): SandboxStore {
  const store = createStore<SandboxState>()((set) => ({
    status: null,
    starting: false,
    error: null,
    async refresh() {
      const r = await transport.invoke('sandbox.status');
      if (r.ok) set({ status: r.value });
    },
    async start(names) {
      set({ starting: true, error: null });
      const r = await transport.invoke('sandbox.start', ...(names ? [names] : []));
      if (r.ok) {
        set({ status: r.value, starting: false });
        return r.value;
      }
      set({ error: r.error, starting: false });
      return null;
    },
  }));
  transport.on('sandbox.progress', (status) => store.setState({ status }));
  return store;
}
