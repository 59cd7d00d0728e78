// Pipelines as saved, with their live status from 'pipeline.state' events.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PipelineView, Transport } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';

export interface PipelinesState {
  pipelines: PipelineView[];
  loaded: boolean;
  error: AppError | null;
  load(): Promise<void>;
}

export type PipelinesStore = StoreApi<PipelinesState>;

export function createPipelinesStore(transport: Transport): PipelinesStore {
  const store = createStore<PipelinesState>()((set) => ({
    pipelines: [],
    loaded: false,
    error: null,
    async load() {
      const r = await transport.invoke('pipeline.list');
      if (r.ok) set({ pipelines: r.value, loaded: true, error: null });
      else set({ error: r.error, loaded: true });
    },
  }));
  transport.on('pipeline.state', (status) =>
    store.setState((s) => ({ pipelines: s.pipelines.map((p) => (p.spec.id === status.id ? { ...p, status } : p)) })),
  );
  return store;
}
