// Pipelines as saved, with their live status ('pipeline.state' for state and cause, 'metrics.tick'
// for counters), the lifecycle actions, and the topic/collection lists the create form offers.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PipelineView, Transport } from '../../../shared/contract';
import type { OffsetResetPlan, OffsetResetTarget } from '../../../shared/contract-monitor';
import type { CollectionSummary, MilvusTarget, KafkaTarget, PipelineSpec, TopicInfo } from '../../../shared/domain';
import type { AppError, RpcResult } from '../../../shared/errors';

export type LifecycleAction = 'start' | 'pause' | 'resume' | 'stop';

/** A list the form loads on demand: per profile, with its own loading/error state. */
export type Remote<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: AppError };

export interface PipelinesState {
  pipelines: PipelineView[];
  loaded: boolean;
  error: AppError | null;
  /** Pipeline ids with an action in flight (buttons disable). */
  busy: Record<string, LifecycleAction | 'delete' | 'duplicate' | 'reset' | undefined>;
  topics: Record<string, Remote<TopicInfo[]>>;
  collections: Record<string, Remote<CollectionSummary[]>>;
  load(): Promise<void>;
  create(spec: PipelineSpec): Promise<RpcResult<PipelineView>>;
  act(id: string, action: LifecycleAction): Promise<RpcResult<PipelineView>>;
  duplicate(id: string): Promise<RpcResult<PipelineView>>;
  remove(id: string): Promise<RpcResult<void>>;
  planReset(id: string, target: OffsetResetTarget): Promise<RpcResult<OffsetResetPlan>>;
  resetOffsets(id: string, target: OffsetResetTarget): Promise<RpcResult<OffsetResetPlan>>;
  loadTopics(target: KafkaTarget & { profileId: string }, force?: boolean): Promise<void>;
  loadCollections(target: MilvusTarget & { profileId: string }, force?: boolean): Promise<void>;
}

export type PipelinesStore = StoreApi<PipelinesState>;

const COMMAND = { start: 'pipeline.start', pause: 'pipeline.pause', resume: 'pipeline.resume', stop: 'pipeline.stop' } as const;

export function createPipelinesStore(transport: Transport): PipelinesStore {
  const store = createStore<PipelinesState>()((set, get) => {
    const upsert = (v: PipelineView) =>
      set((s) => ({ pipelines: s.pipelines.some((p) => p.spec.id === v.spec.id) ? s.pipelines.map((p) => (p.spec.id === v.spec.id ? v : p)) : [...s.pipelines, v] }));
    const busy = (id: string, what: PipelinesState['busy'][string]) => set((s) => ({ busy: { ...s.busy, [id]: what } }));
    async function withBusy<T>(id: string, what: NonNullable<PipelinesState['busy'][string]>, run: () => Promise<RpcResult<T>>): Promise<RpcResult<T>> {
      busy(id, what);
      try {
        return await run();
      } finally {
        busy(id, undefined);
      }
    }

    return {
      pipelines: [],
      loaded: false,
      error: null,
      busy: {},
      topics: {},
      collections: {},
      async load() {
        const r = await transport.invoke('pipeline.list');
        if (r.ok) set({ pipelines: r.value, loaded: true, error: null });
        else set({ error: r.error, loaded: true });
      },
      async create(spec) {
        const r = await transport.invoke('pipeline.create', spec);
        if (r.ok) upsert(r.value);
        return r;
      },
      act: (id, action) =>
        withBusy(id, action, async () => {
          const r = await transport.invoke(COMMAND[action], id);
          if (r.ok) upsert(r.value);
          return r;
        }),
      duplicate: (id) =>
        withBusy(id, 'duplicate', async () => {
          const r = await transport.invoke('pipeline.duplicate', id);
          if (r.ok) upsert(r.value);
          return r;
        }),
      remove: (id) =>
        withBusy(id, 'delete', async () => {
          const r = await transport.invoke('pipeline.delete', id);
          if (r.ok) set((s) => ({ pipelines: s.pipelines.filter((p) => p.spec.id !== id) }));
          return r;
        }),
      planReset: (id, target) => transport.invoke('pipeline.planOffsetReset', id, target),
      resetOffsets: (id, target) => withBusy(id, 'reset', () => transport.invoke('pipeline.resetOffsets', id, target)),
      async loadTopics(target, force) {
        const key = target.profileId;
        if (!force && get().topics[key]?.status === 'ok') return;
        set((s) => ({ topics: { ...s.topics, [key]: { status: 'loading' } } }));
        const r = await transport.invoke('kafka.listTopics', target);
        set((s) => ({ topics: { ...s.topics, [key]: r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error } } }));
      },
      async loadCollections(target, force) {
        const key = target.profileId;
        if (!force && get().collections[key]?.status === 'ok') return;
        set((s) => ({ collections: { ...s.collections, [key]: { status: 'loading' } } }));
        const r = await transport.invoke('milvus.listCollections', target);
        set((s) => ({ collections: { ...s.collections, [key]: r.ok ? { status: 'ok', value: r.value } : { status: 'error', error: r.error } } }));
      },
    };
  });

  transport.on('pipeline.state', (status) =>
    store.setState((s) => ({ pipelines: s.pipelines.map((p) => (p.spec.id === status.id ? { ...p, status } : p)) })),
  );
  // Counters move with every tick; state and cause come from 'pipeline.state' (ticks carry no cause).
  transport.on('metrics.tick', (snaps) =>
    store.setState((s) => {
      let changed = false;
      const pipelines = s.pipelines.map((p) => {
        const snap = snaps.find((x) => x.pipelineId === p.spec.id);
        if (!snap || p.status.counters === snap.counters) return p;
        changed = true;
        return { ...p, status: { ...p.status, counters: snap.counters } };
      });
      return changed ? { pipelines } : s;
    }),
  );
  return store;
}
