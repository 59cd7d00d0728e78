// Pipelines as saved, with their live status ('pipeline.state' for state and cause, 'metrics.tick'
// for counters), the lifecycle actions, the topic/collection lists the create form offers, and the
// latest changes of state (said by screen readers).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PipelineView, Transport } from '../../../shared/contract';
import type { OffsetResetPlan, OffsetResetTarget } from '../../../shared/contract-monitor';
import type { CollectionSummary, MilvusTarget, KafkaTarget, PipelineSpec, TopicInfo } from '../../../shared/domain';
import type { AppError, RpcResult } from '../../../shared/errors';
import type { LogText } from '../../../shared/log-text';
import type { PipelineState } from '../../../shared/pipeline-status';

export type LifecycleAction = 'start' | 'pause' | 'resume' | 'stop';

/** A pipeline that moved to another state. Pipelines that appear (first load, a new one) are not changes. */
export interface StateChange {
  id: string;
  name: string;
  state: PipelineState;
  cause?: string;
  causeText?: LogText;
}

/** The changes of state between two lists of pipelines. */
export function stateChanges(before: readonly PipelineView[], after: readonly PipelineView[]): StateChange[] {
  const was = new Map(before.map((p) => [p.spec.id, p.status.state]));
  return after
    .filter((p) => was.has(p.spec.id) && was.get(p.spec.id) !== p.status.state)
    .map(({ spec, status }) => ({
      id: spec.id,
      name: spec.name,
      state: status.state,
      ...(status.cause ? { cause: status.cause } : {}),
      ...(status.causeText ? { causeText: status.causeText } : {}),
    }));
}

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
  /** The latest changes of state, numbered so that saying the same words again is a new announcement. */
  announced: { seq: number; changes: StateChange[] };
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
      setPipelines(get().pipelines.some((p) => p.spec.id === v.spec.id) ? get().pipelines.map((p) => (p.spec.id === v.spec.id ? v : p)) : [...get().pipelines, v]);
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
      announced: { seq: 0, changes: [] },
      async load() {
        const r = await transport.invoke('pipeline.list');
        if (!r.ok) return set({ error: r.error, loaded: true });
        setPipelines(r.value, { loaded: true, error: null });
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

  /** Every change of the list goes through here, so that changes of state are recorded. */
  function setPipelines(pipelines: PipelineView[], also: Partial<PipelinesState> = {}): void {
    const { pipelines: before, announced } = store.getState();
    const changes = stateChanges(before, pipelines);
    store.setState(changes.length ? { ...also, pipelines, announced: { seq: announced.seq + 1, changes } } : { ...also, pipelines });
  }

  transport.on('pipeline.state', (status) => setPipelines(store.getState().pipelines.map((p) => (p.spec.id === status.id ? { ...p, status } : p))));
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
